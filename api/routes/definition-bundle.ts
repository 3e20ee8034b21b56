import { definitionFromLoaded } from '../../definitions/compiled-definition';
import { compileForm } from '../../definitions/form/form-validator';
import { type Finding, hasErrors } from '../../definitions/lint/finding';
import { lintDefinitions } from '../../definitions/lint/lint';
import type { FormSchema, FormUiSchema } from '../../definitions/matter-definition';
import { type LoadedDefinition, loadDefinition } from '../../definitions/source/loaded-definition';
import { toMermaid } from '../../definitions/workflow/workflow-graph';
import type { ErrorDetail } from '../../engine/engine-error';
import { HttpError } from '../http/http-error';

/** The name findings carry for an uploaded bundle, in place of a file path. */
export const bundleOrigin = 'bundle.json';

export interface LintedBundle {
  loaded: LoadedDefinition;
  findings: Finding[];
  valid: boolean;
}

/** What the admin console shows of a clean definition before it is stored. */
export interface DefinitionPreview {
  graph: string;
  formSchema: FormSchema;
  formUi: FormUiSchema;
}

/**
 * Lints a bundle from the request's own text, so that each finding's line and column point
 * into what the administrator sent rather than into a re-serialization of it.
 */
export function lintBundle(text: string): LintedBundle {
  const loaded = loadDefinition({ kind: 'bundle', origin: bundleOrigin, text: { ok: true, text } });
  const findings = lintDefinitions([loaded]);
  return { loaded, findings, valid: !hasErrors(findings) };
}

/** The workflow as Mermaid and the form schema as compiled (materials expanded). */
export function previewDefinition(loaded: LoadedDefinition): DefinitionPreview {
  const definition = definitionFromLoaded(loaded);
  const form = compileForm(definition.formSchema, definition.matter.materials);
  return {
    graph: toMermaid(definition.workflow),
    formSchema: form.schema,
    formUi: definition.formUi,
  };
}

/** 422 `definition_invalid` with every finding, warnings too, each with its place. */
export function definitionInvalid(findings: Finding[]): HttpError {
  const errors = findings.filter((f) => f.severity === 'error').length;
  const details: ErrorDetail[] = findings.map((f) => ({
    pointer: f.pointer,
    code: f.rule,
    message: `${f.severity} at line ${f.line}, column ${f.column}: ${f.message}`,
  }));
  return new HttpError(
    422,
    'definition_invalid',
    `the definition has ${errors} lint error(s)`,
    details,
  );
}
