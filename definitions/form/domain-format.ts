import type { Label } from '../matter-definition';

/** Why a value fails a domain format; the message of a failure is chosen by this code. */
export type FormatProblem =
  'length' | 'charset' | 'prefix' | 'region' | 'birth-date' | 'organization-code' | 'check-digit';

/**
 * A string format the engine ships. `check` is pure and total: it returns the first problem
 * of any string, or undefined when the string is valid.
 */
export interface DomainFormat<P extends FormatProblem = FormatProblem> {
  name: string;
  check(text: string): P | undefined;
  messages: Record<P, Label>;
}

/** Any domain format, as a list of them holds it. */
export interface AnyDomainFormat {
  name: string;
  check(text: string): FormatProblem | undefined;
  messages: Partial<Record<FormatProblem, Label>>;
}
