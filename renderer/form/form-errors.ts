import type { ErrorSchema } from '@rjsf/utils';
import type { ErrorDetail } from '../api/api-client';
import { type FormStep, stepOfPointer } from './form-steps';
import { fieldIdOf, isWithin, pointerSegments } from './field-pointer';

/**
 * One problem of the answers, wherever it was found (the browser's check of a step, the
 * server's refusal of a draft or a submit): the pointer of the value and what to tell the
 * person.
 */
export interface FieldError {
  pointer: string;
  message: string;
}

/** The server's error details as field errors, each pointer and message once. */
export function errorsFromDetails(details: readonly ErrorDetail[]): FieldError[] {
  return distinct(details.map(({ pointer, message }) => ({ pointer: pointer ?? '', message })));
}

/** Errors listed once each, in their first order. */
export function distinct(errors: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  return errors.filter((error) => {
    const key = `${error.pointer}\n${error.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The errors as rjsf's `extraErrors` tree: each message under the path of its pointer, so that
 * rjsf shows it beside the field (and links it with `aria-describedby`).
 */
export function toErrorSchema(errors: readonly FieldError[]): ErrorSchema {
  const root: Record<string, unknown> = {};
  for (const error of errors) {
    let node = root;
    for (const segment of pointerSegments(error.pointer)) {
      node = (node[segment] ??= {}) as Record<string, unknown>;
    }
    const messages = (node.__errors ??= []) as string[];
    if (!messages.includes(error.message)) messages.push(error.message);
  }
  return root as ErrorSchema;
}

/** The errors of the fields of one step (an error of the whole form counts for the first). */
export function errorsOfStep(
  errors: readonly FieldError[],
  steps: readonly FormStep[],
  stepIndex: number,
): FieldError[] {
  return errors.filter((error) => stepOfPointer(steps, error.pointer) === stepIndex);
}

/** The indexes of the steps that have errors. */
export function stepsWithErrors(errors: readonly FieldError[], steps: readonly FormStep[]) {
  return new Set(errors.map((error) => stepOfPointer(steps, error.pointer)));
}

/**
 * The errors after a field lost the focus: the step's errors as the browser finds them now, but
 * only for fields the person has left (`visited`, by element id) or that showed an error
 * already, so that fields not yet reached stay quiet; errors of other steps are kept.
 */
export function errorsAfterBlur(
  current: readonly FieldError[],
  fresh: readonly FieldError[],
  stepFields: readonly string[],
  visited: ReadonlySet<string>,
): FieldError[] {
  const inStep = (error: FieldError) =>
    stepFields.some((field) => isWithin(error.pointer, `/${field}`));
  const shown = new Set(current.filter(inStep).map((error) => error.pointer));
  const kept = fresh.filter(
    (error) => shown.has(error.pointer) || isVisited(error.pointer, visited),
  );
  return distinct([...current.filter((error) => !inStep(error)), ...kept]);
}

function isVisited(pointer: string, visited: ReadonlySet<string>): boolean {
  const id = fieldIdOf(pointer);
  return visited.has(id) || visited.has(`${id}-0`);
}
