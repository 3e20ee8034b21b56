import type { ErrorObject } from 'ajv';
import { joinPointer } from '../../source/json-pointer';

/** An ajv error turned into a finding's place and a plain message naming the keyword. */
export interface DescribedError {
  pointer: string;
  /** True when the pointer names a property key rather than a value. */
  atKey: boolean;
  message: string;
}

/**
 * Describes ajv errors for people: an extra property points at its key, a missing one at the
 * object that lacks it, and the noise of `if` (whose branch errors are reported anyway) and of
 * `propertyNames` (whose inner error is more precise) is dropped.
 */
export function describeAjvErrors(errors: readonly ErrorObject[]): DescribedError[] {
  return errors.flatMap((error) => {
    if (error.keyword === 'if' || error.keyword === 'propertyNames') return [];
    return [describeAjvError(error)];
  });
}

function describeAjvError(error: ErrorObject): DescribedError {
  const params = error.params as Record<string, unknown>;
  const propertyName = (error as { propertyName?: string }).propertyName;
  if (propertyName !== undefined) {
    const pointer = joinPointer(error.instancePath, propertyName);
    const message = `name "${propertyName}" ${error.message ?? 'is not allowed'} (propertyNames)`;
    return { pointer, atKey: true, message };
  }
  switch (error.keyword) {
    case 'required':
      return at(
        error.instancePath,
        `missing required property "${String(params.missingProperty)}" (required)`,
      );
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      const pointer = joinPointer(error.instancePath, extra);
      return {
        pointer,
        atKey: true,
        message: `property "${extra}" is not allowed here (additionalProperties)`,
      };
    }
    case 'enum':
      return at(error.instancePath, `must be one of ${listValues(params.allowedValues)} (enum)`);
    case 'const':
      return at(error.instancePath, `must be ${JSON.stringify(params.allowedValue)} (const)`);
    default:
      return at(error.instancePath, `${error.message ?? 'is invalid'} (${error.keyword})`);
  }
}

function at(pointer: string, message: string): DescribedError {
  return { pointer, atKey: false, message };
}

function listValues(values: unknown): string {
  if (!Array.isArray(values)) return String(values);
  return values.map((value) => JSON.stringify(value)).join(', ');
}
