/** A channel a code can be sent by, with the address masked (`138****8000`). */
export interface RecoveryChannel {
  channel: 'sms' | 'email';
  masked: string;
}

/** Where a password recovery is (manual 1.2), each step holding what the next needs. */
export type RecoveryStep =
  | { step: 'account'; notice?: string }
  | {
      step: 'channel';
      recoveryId: string;
      channels: RecoveryChannel[];
      /** The channel picked at first; the first one when unset. */
      preferred?: RecoveryChannel['channel'];
    }
  | { step: 'code'; recoveryId: string; channel: RecoveryChannel; channels: RecoveryChannel[] }
  | { step: 'password'; resetToken: string }
  | { step: 'done' };

export const recoveryStepCount = 4;

/** The step's number for "step n of 4"; the done page has none. */
export function stepNumber(step: RecoveryStep['step']): number {
  return { account: 1, channel: 2, code: 3, password: 4, done: 4 }[step];
}

/** Codes after which this recovery cannot go on: the person starts again from the username. */
export const recoveryOver = new Set([
  'recovery_not_found',
  'recovery_closed',
  'code_attempts_exceeded',
  'reset_token_invalid',
]);
