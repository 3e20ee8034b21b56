import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { domainFormats } from './domain-formats';

export { domainFormatNames } from './domain-formats';

/** The metadata keyword that marks a material upload field; its value is the material id. */
export const materialKeyword = 'material';

/**
 * A new draft-07 Ajv for form schemas: strict (unknown keywords, ignored formats and loose
 * types are compile errors), every error collected, the ajv-formats formats, the engine's
 * domain formats and the `material` keyword.
 *
 * `strictRequired` stays off: a conditional branch such as `then: { required: ["x"] }` names
 * properties declared next to `if`, which that option refuses; the linter's own rule checks
 * that every required name exists.
 *
 * @example
 * const validate = createFormAjv().compile({ type: 'string', format: 'resident-id' });
 */
export function createFormAjv(): Ajv {
  const ajv = new Ajv({ strict: true, strictRequired: false, allErrors: true });
  addFormats(ajv);
  for (const format of domainFormats) {
    ajv.addFormat(format.name, {
      type: 'string',
      validate: (text: string) => format.check(text) === undefined,
    });
  }
  ajv.addKeyword({ keyword: materialKeyword, schemaType: 'string' });
  return ajv;
}
