import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { ErrorDetail } from '../../engine/engine-error';
import { HttpError } from './http-error';

const ajv = new Ajv({ allErrors: true, strict: true, coerceTypes: false });
addFormats(ajv);
const compiled = new WeakMap<object, ValidateFunction>();

/**
 * Checks a request body (or query) against a JSON Schema and returns it typed; otherwise a 422
 * listing every bad field with its pointer. The same schemas go into the OpenAPI document.
 */
export function parseBody<T>(schema: object, value: unknown): T {
  let validate = compiled.get(schema);
  if (!validate) {
    validate = ajv.compile(schema);
    compiled.set(schema, validate);
  }
  if (validate(value)) return value as T;
  throw new HttpError(
    422,
    'invalid_fields',
    'some fields are missing or wrong',
    toDetails(validate.errors ?? []),
  );
}

function toDetails(errors: ErrorObject[]): ErrorDetail[] {
  return errors.map((error) => {
    const params = error.params as Record<string, unknown>;
    const pointer =
      error.keyword === 'required'
        ? `${error.instancePath}/${String(params.missingProperty)}`
        : error.keyword === 'additionalProperties'
          ? `${error.instancePath}/${String(params.additionalProperty)}`
          : error.instancePath;
    return { pointer, code: error.keyword, message: error.message ?? error.keyword };
  });
}
