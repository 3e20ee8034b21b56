import Handlebars from 'handlebars';
import { contentHash } from './form/content-hash';
import { type CompiledForm, compileForm } from './form/form-validator';
import type {
  FormSchema,
  FormUiSchema,
  MatterDefinition,
  MatterManifest,
  WorkflowConfig,
} from './matter-definition';
import type { LoadedDefinition } from './source/loaded-definition';
import { type WorkflowMachine, buildWorkflowMachine } from './workflow/workflow-machine';

/** A definition ready to run: its form validator, status machine and templates, built once. */
export interface CompiledDefinition {
  definition: MatterDefinition;
  /** sha256 of the definition's content, whatever its key order. */
  hash: string;
  form: CompiledForm;
  machine: WorkflowMachine;
  templates: Record<string, HandlebarsTemplateDelegate>;
}

/** A part missing from a definition, or a template that does not parse. */
export class DefinitionCompileError extends Error {
  constructor(
    readonly code: 'definition_incomplete' | 'template_invalid',
    message: string,
  ) {
    super(message);
    this.name = 'DefinitionCompileError';
  }
}

/** Compiled definitions are kept by content hash; the least recently used goes past this many. */
export const definitionCacheSize = 64;
const cache = new Map<string, CompiledDefinition>();

/**
 * Compiles a definition that passed the linter: the form (materials expanded), the XState
 * machine and every template. The same content returns the same object from a bounded cache,
 * so a running engine compiles each published version once. Throws FormCompileError,
 * WorkflowBuildError or DefinitionCompileError for what the linter would have reported.
 *
 * @example
 * const compiled = compileDefinition(definitionFromLoaded(loadDefinition(source)));
 * const start = startWorkflow(compiled.machine, data);
 */
export function compileDefinition(definition: MatterDefinition): CompiledDefinition {
  const hash = contentHash(definition);
  const cached = cache.get(hash);
  if (cached) {
    cache.delete(hash);
    cache.set(hash, cached);
    return cached;
  }
  const compiled = build(definition, hash);
  cache.set(hash, compiled);
  if (cache.size > definitionCacheSize) cache.delete(cache.keys().next().value ?? hash);
  return compiled;
}

function build(definition: MatterDefinition, hash: string): CompiledDefinition {
  const form = compileForm(definition.formSchema, definition.matter.materials);
  const machine = buildWorkflowMachine(definition.workflow, form);
  const templates = compileTemplates(definition.templates);
  return { definition, hash, form, machine, templates };
}

/**
 * One Handlebars environment per definition, so that nothing one definition registers reaches
 * another. Each template is parsed now, so a syntax error shows at compile time rather than at
 * the first notification; HTML in values is escaped.
 */
function compileTemplates(
  sources: Record<string, string>,
): Record<string, HandlebarsTemplateDelegate> {
  const handlebars = Handlebars.create();
  const templates: Record<string, HandlebarsTemplateDelegate> = {};
  for (const [name, source] of Object.entries(sources)) {
    try {
      handlebars.parse(source);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DefinitionCompileError('template_invalid', `template "${name}": ${reason}`);
    }
    templates[name] = handlebars.compile(source, { strict: false, noEscape: false });
  }
  return templates;
}

/**
 * The definition of what the loader read. Call it only after the linter found no error: the
 * parts are taken as they are, with no check beyond their presence. form.ui.json defaults to {}.
 */
export function definitionFromLoaded(loaded: LoadedDefinition): MatterDefinition {
  const part = (name: 'matter' | 'formSchema' | 'workflow'): unknown => {
    const found = loaded.parts[name];
    if (found) return found.value;
    throw new DefinitionCompileError(
      'definition_incomplete',
      `${loaded.origin}: the ${name} part is missing`,
    );
  };
  return {
    matter: part('matter') as MatterManifest,
    formSchema: part('formSchema') as FormSchema,
    formUi: (loaded.parts.formUi?.value ?? {}) as FormUiSchema,
    workflow: part('workflow') as WorkflowConfig,
    templates: Object.fromEntries(loaded.templates.map((t) => [t.name, t.source])),
  };
}
