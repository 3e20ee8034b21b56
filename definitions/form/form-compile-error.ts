/** A form schema that strict Ajv refuses. The linter reports these earlier, with a place. */
export class FormCompileError extends Error {
  readonly code = 'form_schema_invalid';

  constructor(readonly reason: string) {
    super(`form schema does not compile: ${reason}`);
    this.name = 'FormCompileError';
  }
}
