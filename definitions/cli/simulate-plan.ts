import { parseArgs } from 'node:util';
import type { Correction } from '../workflow/workflow-machine';
import { UsageError } from './cli-error';

/** One event to send, as the command line gave it. */
export interface PlannedEvent {
  type: string;
  role: string;
  comment?: string;
  corrections?: Correction[];
}

export interface SimulationPlan {
  path: string;
  dataFile: string | undefined;
  events: PlannedEvent[];
}

const options = {
  as: { type: 'string', multiple: true },
  data: { type: 'string' },
  comment: { type: 'string', multiple: true },
  correction: { type: 'string', multiple: true },
} as const;

/**
 * Reads `PATH [--data FILE] --as ROLE [--comment TEXT] [--correction POINTER=REASON] EVENT...`
 * in order: `--as` sets the sender of the events after it; `--comment` and `--correction` go
 * with the next event only. Throws UsageError for anything else.
 */
export function planSimulation(args: string[]): SimulationPlan {
  const { tokens } = parseArgs({
    args,
    options,
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
  const plan: SimulationPlan = { path: '', dataFile: undefined, events: [] };
  let role: string | undefined;
  let pending: Omit<PlannedEvent, 'type' | 'role'> = {};
  for (const token of tokens) {
    if (token.kind === 'positional' && !plan.path) {
      plan.path = token.value;
    } else if (token.kind === 'positional') {
      plan.events.push({ type: token.value, role: requireRole(role, token.value), ...pending });
      pending = {};
    } else if (token.kind === 'option') {
      const value = token.value ?? '';
      if (token.name === 'as') role = value;
      else if (token.name === 'data') plan.dataFile = value;
      else if (token.name === 'comment') pending.comment = value;
      else if (token.name === 'correction') {
        pending.corrections = [...(pending.corrections ?? []), parseCorrection(value)];
      }
    }
  }
  return checkPlan(plan, pending);
}

function requireRole(role: string | undefined, event: string): string {
  if (role !== undefined) return role;
  throw new UsageError(`event "${event}" needs --as ROLE before it, such as --as applicant`);
}

function parseCorrection(text: string): Correction {
  const split = text.indexOf('=');
  const pointer = split < 0 ? '' : text.slice(0, split);
  if (split < 0 || !(pointer === '' || pointer.startsWith('/'))) {
    throw new UsageError(
      `--correction "${text}" must read POINTER=REASON, such as /companyName=名称重复`,
    );
  }
  return { pointer, reason: text.slice(split + 1) };
}

function checkPlan(plan: SimulationPlan, pending: object): SimulationPlan {
  if (!plan.path) throw new UsageError('simulate needs the PATH of a matter folder or bundle');
  if (plan.events.length === 0) {
    throw new UsageError('simulate needs events to send: --as ROLE EVENT...');
  }
  if (Object.keys(pending).length > 0) {
    throw new UsageError('--comment and --correction go before the event they belong to');
  }
  return plan;
}
