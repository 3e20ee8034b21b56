import type { TransitionConfig, WorkflowConfig } from '../matter-definition';
import { actors, permit, permitForm, permitMachine } from './__fixtures__/permit-fixture';
import type { WorkflowActor } from './workflow-actor';
import { type WorkflowEvent, buildWorkflowMachine } from './workflow-machine';
import {
  type StepResult,
  type StepTaken,
  availableEvents,
  startWorkflow,
  stateInfo,
  stepWorkflow,
  timerEvent,
} from './workflow-step';

const machine = permitMachine();
const sample = permit.sample;
const urgent = { ...sample, urgent: true };
const large = { ...sample, amount: 20000 };

/** A stored snapshot of the permit in `state`, as the engine would keep it. */
function at(state: string) {
  return {
    status: 'active',
    value: state,
    historyValue: {},
    context: { data: null },
    children: {},
  };
}

function send(
  state: string,
  type: string,
  actor: WorkflowActor,
  data: unknown = sample,
  extra = {},
) {
  return stepWorkflow(machine, at(state), data, { type, actor, ...extra });
}

function taken(result: StepResult): StepTaken {
  if (!result.ok) throw new Error(`refused: ${result.code} ${result.message}`);
  return result;
}

const correction = { comment: '请补正', corrections: [{ pointer: '/amount', reason: '金额有误' }] };

describe('startWorkflow', () => {
  test('starts in the initial state with a JSON snapshot that leaves the data out', () => {
    const start = startWorkflow(machine, sample);
    expect(start.state).toBe('draft');
    expect(start.actions).toEqual([]);
    expect(start.timers).toEqual({ start: [], cancel: [] });
    expect(JSON.parse(JSON.stringify(start.snapshot))).toEqual(start.snapshot);
    expect(start.snapshot).toMatchObject({
      status: 'active',
      value: 'draft',
      context: { data: null },
    });
  });

  test("returns the initial state's entry actions and timers", () => {
    const start = startWorkflow(timedMachine(), {});
    expect(start.actions).toEqual([{ type: 'setDeadline', params: { id: 'd', duration: 'P1D' } }]);
    expect(start.timers.start).toEqual([
      {
        id: 'xstate.after.P1D.timed.waiting',
        delayMs: 86_400_000,
        delay: 'P1D',
        event: { type: 'xstate.after.P1D.timed.waiting' },
      },
    ]);
  });
});

describe('stepWorkflow takes', () => {
  test('a submit with the notification and the acceptance timer', () => {
    const result = taken(send('draft', 'SUBMIT', actors.applicant));
    expect(result).toMatchObject({ from: 'draft', to: 'submitted', final: false });
    expect(result.actions).toEqual([
      {
        type: 'notify',
        params: { template: 'submitted', to: ['applicant'], channels: ['email', 'sms'] },
      },
    ]);
    expect(result.timers.start).toEqual([
      expect.objectContaining({ delay: 'PT12H', delayMs: 43_200_000 }),
    ]);
    expect(result.snapshot).toMatchObject({ value: 'submitted', context: { data: null } });
  });

  test('the first transition whose guard passes, and authorizes against it', () => {
    expect(send('submitted', 'ACCEPT', actors.reviewer, urgent)).toMatchObject({
      ok: false,
      code: 'actor_not_allowed',
    });
    const urgentAccept = taken(send('submitted', 'ACCEPT', actors.chief, urgent));
    expect(urgentAccept.actions).toEqual([
      { type: 'setDeadline', params: { id: 'review', duration: 'P3D' } },
    ]);
    const plainAccept = taken(send('submitted', 'ACCEPT', actors.reviewer));
    expect(plainAccept.actions[0]?.params).toMatchObject({ duration: 'P15D' });
  });

  test('leaving a state cancels its timers', () => {
    const result = taken(send('submitted', 'ACCEPT', actors.officer));
    expect(result.timers).toEqual({
      start: [],
      cancel: ['xstate.after.PT12H.street-stall-permit.submitted'],
    });
  });

  test('an approval to a final state with its document', () => {
    const result = taken(send('accepted', 'APPROVE', actors.reviewer));
    expect(result).toMatchObject({ to: 'approved', final: true, snapshot: { status: 'done' } });
    expect(result.actions.map((action) => action.type)).toEqual(['clearDeadline', 'issueDocument']);
  });

  test('a correction request with its payload, starting the correction timer', () => {
    const result = taken(
      send('accepted', 'REQUEST_CORRECTION', actors.reviewer, sample, correction),
    );
    expect(result.to).toBe('correction');
    expect(result.timers.start.map((timer) => timer.delay)).toEqual(['P10D']);
  });

  test('an event admitted by the actor kind listed in by', () => {
    const result = taken(
      send('accepted', 'REJECT', actors.reviewer, sample, { comment: '不符合条件' }),
    );
    expect(result).toMatchObject({ to: 'rejected', final: true });
  });

  test('guards read the data given now, not the data the snapshot was made with', () => {
    const start = startWorkflow(machine, {});
    expect(send('correction', 'RESUBMIT', actors.applicant, {})).toMatchObject({
      code: 'event_not_allowed',
    });
    const result = taken(
      stepWorkflow(machine, at('correction'), sample, {
        type: 'RESUBMIT',
        actor: actors.applicant,
      }),
    );
    expect(result.to).toBe('accepted');
    expect(start.snapshot.context.data).toBeNull();
  });
});

describe('stepWorkflow refuses', () => {
  test.each([
    [
      'an event the state does not have',
      'draft',
      'ACCEPT',
      actors.officer,
      sample,
      {},
      'event_not_allowed',
    ],
    ['an event no workflow has', 'draft', 'FLY', actors.applicant, sample, {}, 'event_not_allowed'],
    [
      'an event whose guards all fail',
      'accepted',
      'APPROVE',
      actors.reviewer,
      large,
      {},
      'event_not_allowed',
    ],
    [
      'an event to a final state',
      'approved',
      'APPROVE',
      actors.chief,
      sample,
      {},
      'event_not_allowed',
    ],
    [
      'an applicant accepting',
      'submitted',
      'ACCEPT',
      actors.applicant,
      sample,
      {},
      'actor_not_allowed',
    ],
    ['an officer submitting', 'draft', 'SUBMIT', actors.officer, sample, {}, 'actor_not_allowed'],
    [
      'an officer without the role',
      'accepted',
      'REQUEST_CORRECTION',
      actors.officer,
      sample,
      correction,
      'actor_not_allowed',
    ],
    [
      'an admin where by does not name admin',
      'draft',
      'SUBMIT',
      actors.admin,
      sample,
      {},
      'actor_not_allowed',
    ],
    [
      'a system-only event sent by an officer',
      'accepted',
      'EXPIRE',
      actors.officer,
      sample,
      {},
      'actor_not_allowed',
    ],
    [
      'a rejection without a comment',
      'accepted',
      'REJECT',
      actors.officer,
      sample,
      {},
      'comment_required',
    ],
    [
      'a rejection with a blank comment',
      'accepted',
      'REJECT',
      actors.officer,
      sample,
      { comment: '  ' },
      'comment_required',
    ],
    [
      'a correction request without corrections',
      'accepted',
      'REQUEST_CORRECTION',
      actors.reviewer,
      sample,
      { comment: 'x' },
      'corrections_required',
    ],
    [
      'a correction request with empty corrections',
      'accepted',
      'REQUEST_CORRECTION',
      actors.reviewer,
      sample,
      { comment: 'x', corrections: [] },
      'corrections_required',
    ],
    [
      'corrections without a reason',
      'accepted',
      'REQUEST_CORRECTION',
      actors.reviewer,
      sample,
      { comment: 'x', corrections: [{ pointer: '/amount' }] },
      'corrections_invalid',
    ],
    [
      'corrections with a bad pointer',
      'accepted',
      'REQUEST_CORRECTION',
      actors.reviewer,
      sample,
      { comment: 'x', corrections: [{ pointer: 'amount', reason: 'r' }] },
      'corrections_invalid',
    ],
  ])('%s', (_name, state, type, actor, data, extra, code) => {
    const result = send(state, type, actor, data, extra);
    expect(result).toMatchObject({ ok: false, code });
    expect(result.ok || result.message.length > 10).toBe(true);
  });

  test('a submit of an incomplete form, with every issue', () => {
    const result = send('draft', 'SUBMIT', actors.applicant, { amount: -5 });
    if (result.ok) throw new Error('expected a refusal');
    expect(result.code).toBe('form_incomplete');
    expect(result.details?.map((issue) => issue.pointer).sort()).toEqual([
      '/amount',
      '/applicantName',
    ]);
  });

  test('checks the actor before the payload and the payload before the form', () => {
    expect(send('draft', 'SUBMIT', actors.officer, {})).toMatchObject({
      code: 'actor_not_allowed',
    });
    expect(send('accepted', 'REJECT', actors.applicant)).toMatchObject({
      code: 'actor_not_allowed',
    });
  });

  test.each([
    ['null', null],
    ['a string', 'draft'],
    ['an unknown state', at('limbo')],
    ['a state name from Object.prototype', at('constructor')],
  ])('a stored snapshot that is %s', (_name, stored) => {
    const result = stepWorkflow(machine, stored, sample, {
      type: 'SUBMIT',
      actor: actors.applicant,
    });
    expect(result).toMatchObject({ ok: false, code: 'snapshot_invalid' });
  });

  test.each([
    ['without an actor', { type: 'SUBMIT' }],
    ['with a type that is not a string', { type: 7, actor: actors.applicant }],
    ['that is null', null],
  ])('an event %s', (_name, event) => {
    const result = stepWorkflow(machine, at('draft'), sample, event as unknown as WorkflowEvent);
    expect(result).toMatchObject({ ok: false, code: 'event_invalid' });
  });

  test('a guard the vocabulary does not know, as a workflow error', () => {
    const workflow: WorkflowConfig = {
      id: 'odd',
      initial: 'a',
      states: {
        a: {
          on: {
            GO: {
              target: 'b',
              guard: { type: 'isTuesday' as 'formComplete' },
              meta: { by: ['applicant'] },
            },
          },
        },
        b: { type: 'final' },
      },
    };
    const odd = buildWorkflowMachine(workflow, permitForm());
    const result = stepWorkflow(
      odd,
      startWorkflow(odd, {}).snapshot,
      {},
      { type: 'GO', actor: actors.applicant },
    );
    expect(result).toMatchObject({ ok: false, code: 'workflow_error' });
    expect(result.ok || result.message).toMatch(/isTuesday/);
  });
});

describe('timers', () => {
  const timerId = 'xstate.after.P10D.street-stall-permit.correction';

  test('fire from a restored snapshot when the system sends the timer event', () => {
    const corrected = taken(
      send('accepted', 'REQUEST_CORRECTION', actors.reviewer, sample, correction),
    );
    const stored = JSON.parse(JSON.stringify(corrected.snapshot)) as unknown;
    const result = taken(stepWorkflow(machine, stored, sample, timerEvent(timerId)));
    expect(result).toMatchObject({ from: 'correction', to: 'withdrawn', final: true });
    expect(result.timers.cancel).toEqual([timerId]);
  });

  test('may be fired by the system only', () => {
    const result = send('correction', timerId, actors.applicant);
    expect(result).toMatchObject({ ok: false, code: 'actor_not_allowed' });
  });

  test('that fire after their state was left are refused', () => {
    expect(send('accepted', timerId, actors.system)).toMatchObject({
      ok: false,
      code: 'event_not_allowed',
    });
  });

  test('a transition back to the same state keeps its timer running', () => {
    const timed = timedMachine();
    const start = startWorkflow(timed, {});
    const result = taken(
      stepWorkflow(timed, start.snapshot, {}, { type: 'POKE', actor: actors.officer }),
    );
    expect(result.to).toBe('waiting');
    expect(result.timers).toEqual({ start: [], cancel: [] });
  });

  test('re-entering a state cancels its timer and starts it again', () => {
    const timed = timedMachine();
    const start = startWorkflow(timed, {});
    const event = { type: 'REENTER', actor: actors.officer };
    const result = taken(stepWorkflow(timed, start.snapshot, {}, event));
    const id = 'xstate.after.P1D.timed.waiting';
    expect(result.timers).toEqual({ start: [expect.objectContaining({ id })], cancel: [id] });
  });

  test('started and left within one step are not started', () => {
    const timed = timedMachine();
    const result = taken(
      stepWorkflow(
        timed,
        startWorkflow(timed, {}).snapshot,
        {},
        { type: 'SKIP', actor: actors.officer },
      ),
    );
    expect(result.to).toBe('done');
    expect(result.timers.start).toEqual([]);
  });
});

describe('availableEvents', () => {
  test.each([
    ['draft', actors.applicant, sample, ['SUBMIT', 'WITHDRAW']],
    ['draft', actors.officer, sample, []],
    ['submitted', actors.officer, sample, ['ACCEPT']],
    ['submitted', actors.reviewer, urgent, []],
    ['submitted', actors.chief, urgent, ['ACCEPT']],
    ['submitted', actors.system, sample, []],
    ['accepted', actors.reviewer, sample, ['APPROVE', 'REQUEST_CORRECTION', 'REJECT']],
    ['accepted', actors.reviewer, large, ['REQUEST_CORRECTION', 'REJECT']],
    ['accepted', actors.system, sample, ['EXPIRE']],
    ['approved', actors.chief, sample, []],
  ])('in %s for %j with %j: %j', (state, actor, data, expected) => {
    const events = availableEvents(machine, at(state), data, actor);
    expect(events.map((event) => event.type)).toEqual(expected);
  });

  test('carry what a client needs to offer them', () => {
    const [accept] = availableEvents(machine, at('submitted'), urgent, actors.chief);
    expect(accept).toEqual({
      type: 'ACCEPT',
      target: 'accepted',
      label: { 'zh-CN': '加急受理', en: 'Accept urgently' },
      payload: {},
      validateForm: false,
    });
    const events = availableEvents(machine, at('accepted'), sample, actors.reviewer);
    expect(events.find((event) => event.type === 'REQUEST_CORRECTION')?.payload).toEqual({
      comment: 'required',
      corrections: 'required',
    });
    const [submit] = availableEvents(machine, at('draft'), sample, actors.applicant);
    expect(submit?.validateForm).toBe(true);
  });

  test('are none for a snapshot that cannot be restored', () => {
    expect(availableEvents(machine, at('limbo'), sample, actors.chief)).toEqual([]);
  });
});

describe('stateInfo', () => {
  test('gives the category, labels, editing and finality of a state', () => {
    expect(stateInfo(permit.workflow, 'draft')).toEqual({
      name: 'draft',
      category: 'draft',
      label: { 'zh-CN': '草稿', en: 'Draft' },
      applicantEdits: true,
      final: false,
    });
    expect(stateInfo(permit.workflow, 'approved')).toMatchObject({
      category: 'completed',
      final: true,
      applicantEdits: false,
    });
    expect(stateInfo(permit.workflow, 'constructor')).toBeUndefined();
  });
});

/** A workflow whose initial state has an entry action and a timer, left and re-entered. */
function timedMachine() {
  const workflow: WorkflowConfig = {
    id: 'timed',
    initial: 'waiting',
    states: {
      waiting: {
        entry: { type: 'setDeadline', params: { id: 'd', duration: 'P1D' } },
        after: { P1D: { target: 'done', meta: { by: ['system'] } } },
        on: {
          POKE: { target: 'waiting', meta: { by: ['officer'] } },
          // Not in the meta-schema, but XState's own way to leave and enter again.
          REENTER: {
            target: 'waiting',
            reenter: true,
            meta: { by: ['officer'] },
          } as TransitionConfig,
          SKIP: { target: 'passing', meta: { by: ['officer'] } },
        },
      },
      passing: {
        after: { P1D: { target: 'done' } },
        always: { target: 'done' },
      },
      done: { type: 'final' },
    },
  };
  return buildWorkflowMachine(workflow, permitForm());
}
