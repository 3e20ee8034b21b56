import type { ValidateFunction } from 'ajv';
import { contentHash } from '../form/content-hash';
import { createFormAjv } from '../form/form-ajv';
import type { CompiledForm } from '../form/form-validator';
import type { GuardConfig } from '../matter-definition';
import { type WorkflowActor, actorHasRole } from './workflow-actor';

/** What a guard may look at: the application data, the form, and who sends the event. */
export interface GuardContext {
  data: unknown;
  form: CompiledForm;
  actor: WorkflowActor | undefined;
}

export type GuardErrorCode = 'unknown_guard' | 'guard_params_invalid';

/**
 * A guard the vocabulary does not know, or one with unusable params. The linter reports these
 * before a definition is published, so meeting one at run time is a programming error.
 */
export class GuardError extends Error {
  constructor(
    readonly code: GuardErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'GuardError';
  }
}

export const guardTypes = ['dataSatisfies', 'formComplete', 'actorHasRole', 'and', 'or', 'not'];

type GuardEvaluator = (params: Record<string, unknown>, context: GuardContext) => boolean;

const evaluators: Record<string, GuardEvaluator> = {
  dataSatisfies: (params, context) => schemaValidator(params).call(null, context.data) === true,
  formComplete: (_params, context) => context.form.isValid(context.data),
  actorHasRole: (params, context) => actorHasRole(context.actor, requireRole(params)),
  and: (params, context) => requireGuards(params).every((guard) => evaluateGuard(guard, context)),
  or: (params, context) => requireGuards(params).some((guard) => evaluateGuard(guard, context)),
  not: (params, context) => !evaluateGuard(requireGuard(params), context),
};

/** Evaluates a guard of the vocabulary, recursing through and / or / not. Pure. */
export function evaluateGuard(guard: GuardConfig, context: GuardContext): boolean {
  const evaluate = Object.hasOwn(evaluators, guard.type) ? evaluators[guard.type] : undefined;
  if (!evaluate) {
    const known = guardTypes.join(', ');
    throw new GuardError(
      'unknown_guard',
      `unknown guard type "${String(guard.type)}"; use one of ${known}`,
    );
  }
  return evaluate(guard.params ?? {}, context);
}

function requireRole(params: Record<string, unknown>): string {
  if (typeof params.role === 'string') return params.role;
  throw new GuardError('guard_params_invalid', 'actorHasRole needs params.role, a string');
}

function requireGuards(params: Record<string, unknown>): GuardConfig[] {
  if (Array.isArray(params.guards) && params.guards.every(isGuardConfig)) return params.guards;
  throw new GuardError('guard_params_invalid', 'and / or need params.guards, a list of guards');
}

function requireGuard(params: Record<string, unknown>): GuardConfig {
  if (isGuardConfig(params.guard)) return params.guard;
  throw new GuardError('guard_params_invalid', 'not needs params.guard, a guard');
}

function isGuardConfig(value: unknown): value is GuardConfig {
  return (
    typeof value === 'object' && value !== null && typeof (value as GuardConfig).type === 'string'
  );
}

const maxCachedSchemas = 256;
const validators = new Map<string, ValidateFunction>();
let sharedAjv: ReturnType<typeof createFormAjv> | undefined;

/** The compiled `params.schema`, compiled once per distinct schema content. */
function schemaValidator(params: Record<string, unknown>): ValidateFunction {
  const schema = params.schema;
  if (typeof schema !== 'boolean' && (typeof schema !== 'object' || schema === null)) {
    throw new GuardError(
      'guard_params_invalid',
      'dataSatisfies needs params.schema, a JSON Schema',
    );
  }
  const key = contentHash(schema);
  const cached = validators.get(key);
  if (cached) return cached;
  const validate = compileGuardSchema(schema);
  if (validators.size >= maxCachedSchemas) validators.delete(validators.keys().next().value ?? key);
  validators.set(key, validate);
  return validate;
}

/** Compiles on one shared Ajv and forgets the schema there, so `$id`s never collide. */
function compileGuardSchema(schema: object | boolean): ValidateFunction {
  const ajv = (sharedAjv ??= createFormAjv());
  try {
    return ajv.compile(schema);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new GuardError(
      'guard_params_invalid',
      `dataSatisfies schema does not compile: ${reason}`,
    );
  } finally {
    // Ajv keeps no entry for a boolean schema, and refuses to remove one.
    if (typeof schema === 'object') ajv.removeSchema(schema);
  }
}
