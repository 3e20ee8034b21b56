import type { OutboxRow } from '../delivery/outbox-row';

/** Hands committed outbox rows and due timers to delivery, in process or through BullMQ. */
export interface Dispatcher {
  readonly mode: 'in-process' | 'bullmq';
  /** Called after a commit that wrote outbox rows; returns at once, the work runs after. */
  wake(): void;
  /** Stops polling and waits for the work in progress; wake does nothing afterwards. */
  stop(): Promise<void>;
}

/** Delivers one claimed row; throws an EngineError `failure` whose `retryable` says what next. */
export type DeliverRow = (row: OutboxRow) => Promise<void>;

/** Rows that only schedule or unschedule a timer's job; nothing is delivered for them. */
export const timerKinds: readonly string[] = ['timer', 'timer-cancel'];
