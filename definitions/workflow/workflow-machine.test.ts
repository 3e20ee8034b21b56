import { createActor, transition } from 'xstate';
import type { WorkflowConfig } from '../matter-definition';
import { permit, permitForm, permitMachine } from './__fixtures__/permit-fixture';
import { guardTypes } from './guards';
import {
  WorkflowBuildError,
  buildWorkflowMachine,
  timerDelays,
  workflowForm,
} from './workflow-machine';

describe('buildWorkflowMachine', () => {
  test('builds the machine of the workflow, without $schema', () => {
    const machine = permitMachine();
    expect(machine.id).toBe('street-stall-permit');
    expect(Object.keys(machine.states)).toEqual(Object.keys(permit.workflow.states));
    expect(machine.config).not.toHaveProperty('$schema');
  });

  test('registers every after key as a delay in milliseconds', () => {
    const delays = permitMachine().implementations.delays;
    expect(delays).toEqual({ PT12H: 12 * 3_600_000, P10D: 10 * 86_400_000 });
  });

  test('registers every guard type of the vocabulary', () => {
    expect(Object.keys(permitMachine().implementations.guards).sort()).toEqual(
      [...guardTypes].sort(),
    );
  });

  test("hands the vocabulary's actions back with their params from the pure transition", () => {
    const machine = permitMachine();
    const draft = machine.resolveState({ value: 'draft', context: { data: permit.sample } });
    const [next, actions] = transition(machine, draft, {
      type: 'SUBMIT',
      actor: { kind: 'applicant' },
    });
    expect(next.value).toBe('submitted');
    expect(actions.map((action) => [action.type, action.params])).toContainEqual([
      'notify',
      { template: 'submitted', to: ['applicant'], channels: ['email', 'sms'] },
    ]);
  });

  test('starts with the data given as input', () => {
    const actor = createActor(permitMachine(), { input: { data: { amount: 1 } } });
    expect(actor.getSnapshot().context).toEqual({ data: { amount: 1 } });
  });

  test('refuses an after key that is not an ISO 8601 duration', () => {
    const workflow: WorkflowConfig = {
      id: 'bad',
      initial: 'a',
      states: { a: { after: { '5 days': { target: 'b' } } }, b: { type: 'final' } },
    };
    const build = () => buildWorkflowMachine(workflow, permitForm());
    expect(build).toThrow(WorkflowBuildError);
    expect(build).toThrow(/state "a": after key "5 days"/);
  });

  test('keeps the form it was built with', () => {
    const form = permitForm();
    expect(workflowForm(buildWorkflowMachine(permit.workflow, form))).toBe(form);
  });

  test('maps each delayed event to its ISO key', () => {
    expect([...timerDelays(permitMachine())]).toEqual([
      ['xstate.after.PT12H.street-stall-permit.submitted', 'PT12H'],
      ['xstate.after.P10D.street-stall-permit.correction', 'P10D'],
    ]);
  });
});
