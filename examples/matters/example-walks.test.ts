import { compileForm } from '../../definitions/form/form-validator';
import { buildWorkflowMachine } from '../../definitions/workflow/workflow-machine';
import {
  type StepResult,
  type WorkflowStart,
  startWorkflow,
  stepWorkflow,
  timerEvent,
} from '../../definitions/workflow/workflow-step';
import { readDefinition, readJson } from './example-files';
import { type WalkStep, exampleWalks } from './example-walks';
import { applyEdits } from './sample-edits';

describe.each(exampleWalks)('$matter: $name', ({ matter, edits, steps }) => {
  it('takes every step to the state or refusal expected', () => {
    const definition = readDefinition(matter);
    const form = compileForm(definition.formSchema, definition.matter.materials);
    const machine = buildWorkflowMachine(definition.workflow, form);
    const data = applyEdits(readJson(matter, 'samples/valid.json'), edits ?? []);
    let last: WorkflowStart | StepResult = startWorkflow(machine, data);
    let snapshot = last.snapshot;
    for (const step of steps) {
      const result = stepWorkflow(machine, snapshot, data, eventOf(step, last));
      expect(outcomeOf(step, result)).toEqual(expectedOf(step));
      if (result.ok) {
        last = result;
        snapshot = result.snapshot;
      }
    }
  });
});

function eventOf(step: WalkStep, last: WorkflowStart | StepResult) {
  if ('send' in step) {
    const { send, as, comment, corrections } = step;
    return { type: send, actor: { kind: as }, comment, corrections };
  }
  const timers = 'timers' in last ? last.timers.start : [];
  const timer = timers.find((start) => start.delay === step.timer);
  return timerEvent(timer?.id ?? `no timer ${step.timer} was started`);
}

/** What happened, in the shape of the step's expectation, named so a failure says which step. */
function outcomeOf(step: WalkStep, result: StepResult) {
  const name = 'send' in step ? `${step.send} as ${step.as}` : `timer ${step.timer}`;
  return result.ok ? { name, to: result.to } : { name, refused: result.code };
}

function expectedOf(step: WalkStep) {
  const name = 'send' in step ? `${step.send} as ${step.as}` : `timer ${step.timer}`;
  return 'to' in step ? { name, to: step.to } : { name, refused: step.refused };
}
