import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { compileDefinition } from '../compiled-definition';
import { type MatterDefinition, type WorkflowConfig, builtInSenders } from '../matter-definition';
import { type WorkflowActor, describeActor, systemActor } from '../workflow/workflow-actor';
import type { WorkflowMachine } from '../workflow/workflow-machine';
import { startWorkflow, stepWorkflow, timerEvent } from '../workflow/workflow-step';
import { readText } from '../source/definition-source';
import { readCheckedDefinition } from './checked-definition';
import { type CommandIo, UsageError, exitCodes } from './cli-error';
import { type PlannedEvent, planSimulation } from './simulate-plan';
import { effectLines, labelText, refusalLines, stateText } from './simulate-output';

/**
 * `matter simulate PATH [--data FILE] --as ROLE EVENT... [--as ROLE EVENT...]`: runs the events
 * through the workflow with no database, printing each state, action and timer. `after:P5D`
 * fires the current state's P5D timer. Exit 1 on the first refused event or lint errors.
 */
export function simulateCommand(args: string[], io: CommandIo): number {
  const plan = planSimulation(args);
  const definition = readCheckedDefinition(plan.path, 'simulate', io);
  if (!definition) return exitCodes.findings;
  const actors = plan.events.map((event) => actorFor(event.role, definition));
  const data = readData(plan.path, plan.dataFile, io);
  const { machine } = compileDefinition(definition);

  const { matter, workflow } = definition;
  io.out(`${matter.id} ${matter.version}  ${labelText(matter.title)}`);
  const start = startWorkflow(machine, data);
  io.out(`start  ${stateText(workflow, start.state)}`);
  effectLines(start.actions, start.timers).forEach((line) => io.out(line));

  let current: Position = { snapshot: start.snapshot, state: start.state };
  for (const [index, planned] of plan.events.entries()) {
    const sender = actors[index] ?? systemActor;
    const next = sendEvent({ machine, workflow, data, io }, current, planned, sender);
    if (!next) return exitCodes.findings;
    current = next;
  }
  io.out(endLine(workflow, current));
  return exitCodes.clean;
}

interface Position {
  snapshot: unknown;
  state: string;
}

interface Simulation {
  machine: WorkflowMachine;
  workflow: WorkflowConfig;
  data: unknown;
  io: CommandIo;
}

/** Sends one event and prints what it did; undefined when it was refused. */
function sendEvent(
  { machine, workflow, data, io }: Simulation,
  current: Position,
  planned: PlannedEvent,
  sender: WorkflowActor,
): Position | undefined {
  const event = { ...eventFor(machine, current.state, planned), actor: sender };
  const result = stepWorkflow(machine, current.snapshot, data, event);
  const who = describeActor(sender);
  if (!result.ok) {
    refusalLines(planned.type, who, result).forEach((line) => io.err(line));
    return undefined;
  }
  io.out(`${result.from} → ${stateText(workflow, result.to)}   ${planned.type} by ${who}`);
  effectLines(result.actions, result.timers).forEach((line) => io.out(line));
  return { snapshot: result.snapshot, state: result.to };
}

/** applicant, officer, admin, system, or a matter role: an officer with that role. */
function actorFor(role: string, definition: MatterDefinition): WorkflowActor {
  const builtIn: readonly string[] = builtInSenders;
  if (builtIn.includes(role)) return { kind: role as WorkflowActor['kind'] };
  const roles = (definition.matter.roles ?? []).map((r) => r.id);
  if (roles.includes(role)) return { kind: 'officer', roles: [role] };
  const known = [...builtInSenders, ...roles].join(', ');
  throw new UsageError(`--as ${role}: not a sender of this matter; use one of ${known}`);
}

/** The event to send; `after:P5D` names the delayed event of the current state. */
function eventFor(machine: WorkflowMachine, state: string, planned: PlannedEvent) {
  const { comment, corrections } = planned;
  if (!planned.type.startsWith('after:')) return { type: planned.type, comment, corrections };
  const delay = planned.type.slice('after:'.length);
  const timer = machine.states[state]?.after.find((t) => String(t.delay) === delay);
  if (!timer) throw new UsageError(`${planned.type}: state "${state}" has no after ${delay} timer`);
  return { ...timerEvent(timer.eventType), comment, corrections };
}

/** The form data: --data FILE, else the matter's samples/valid.json, else nothing. */
function readData(path: string, dataFile: string | undefined, io: CommandIo): unknown {
  const sample = join(path, 'samples', 'valid.json');
  const file = dataFile ?? (isFolder(path) && existsSync(sample) ? sample : undefined);
  if (file === undefined) {
    io.err(
      `matter simulate: ${path} has no samples/valid.json; the form data is empty (--data FILE names some)`,
    );
    return {};
  }
  return readJson(file);
}

function readJson(file: string): unknown {
  if (!existsSync(file) || !statSync(file).isFile())
    throw new UsageError(`--data ${file}: no such file`);
  const read = readText(file);
  if (!read.ok) throw new UsageError(`--data ${file}: ${read.message}`);
  try {
    return JSON.parse(read.text);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new UsageError(`--data ${file}: not JSON: ${reason}`);
  }
}

function isFolder(path: string): boolean {
  return existsSync(path) && statSync(path).isDirectory();
}

function endLine(workflow: WorkflowConfig, { snapshot, state }: Position): string {
  const done = (snapshot as { status?: unknown }).status === 'done';
  const where = stateText(workflow, state);
  return done ? `final state reached: ${where}` : `not final: the application rests in ${where}`;
}
