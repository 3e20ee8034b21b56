import { EngineError } from '../../engine/engine-error';

/** The EngineError a promise rejects with; fails the test when it resolves or throws another. */
export async function refusalOf(promise: Promise<unknown>): Promise<EngineError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof EngineError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
