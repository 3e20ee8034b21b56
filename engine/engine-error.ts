/**
 * The engine's small error taxonomy. Every error carries a stable snake_case code that the API
 * maps to a status and the tests match; details point at the bad fields.
 */
export type ErrorKind = 'bad_input' | 'not_allowed' | 'not_found' | 'conflict' | 'failure';

export interface ErrorDetail {
  pointer: string;
  code: string;
  message: string;
  /** The message in each language, where the source gives both. */
  messages?: { 'zh-CN': string; en: string };
}

export class EngineError extends Error {
  constructor(
    readonly kind: ErrorKind,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** For failures: whether trying again may succeed; the job queue reads it. */
    readonly retryable = false,
  ) {
    super(message);
  }
}

export const badInput = (code: string, message: string, details: ErrorDetail[] = []) =>
  new EngineError('bad_input', code, message, details);
export const notAllowed = (code: string, message: string) =>
  new EngineError('not_allowed', code, message);
export const notFound = (code: string, message: string) =>
  new EngineError('not_found', code, message);
export const conflict = (code: string, message: string, details: ErrorDetail[] = []) =>
  new EngineError('conflict', code, message, details);
export const failure = (code: string, message: string, retryable: boolean) =>
  new EngineError('failure', code, message, [], retryable);
