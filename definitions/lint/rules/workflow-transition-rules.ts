import { builtInSenders } from '../../matter-definition';
import { joinPointer } from '../../source/json-pointer';
import { isObject } from '../../source/loaded-definition';
import { parseIsoDuration } from '../../workflow/duration';
import { keyPosition } from '../analysis/key-position';
import { matterRoles } from '../analysis/matter-facts';
import type { OutlineTransition } from '../analysis/workflow-outline';
import { withWorkflow } from '../analysis/with-workflow';
import type { LintRule } from '../lint-rule';

export const workflowTransitionSenderRule: LintRule = {
  id: 'workflow-transition-sender',
  severity: 'error',
  explain:
    'meta.by lists who may send an event: applicant, officer, admin, system or an officer role declared in matter.json "roles"; without it nobody may, and timer ("after") transitions are sent by the system only.',
  check: withWorkflow((context, { part, outline }) => {
    const senders = new Set<string>([...builtInSenders, ...matterRoles(context)]);
    for (const transition of outline.transitions) {
      if (transition.source === 'always' || !isObject(transition.value)) continue;
      for (const problem of senderProblems(transition, senders)) context.report(part, problem);
    }
  }),
};

function senderProblems(transition: OutlineTransition, senders: Set<string>) {
  const name = describeTransition(transition);
  const meta = isObject(transition.value) ? transition.value.meta : undefined;
  const by = isObject(meta) ? meta.by : undefined;
  const byPointer = joinPointer(transition.pointer, 'meta', 'by');
  if (by === undefined) {
    return [
      { pointer: transition.pointer, message: `${name} has no meta.by, so nobody may send it` },
    ];
  }
  if (!Array.isArray(by)) return [];
  if (by.length === 0) {
    return [{ pointer: byPointer, message: `${name} has an empty meta.by, so nobody may send it` }];
  }
  if (transition.source === 'after' && by.some((sender) => sender !== 'system')) {
    return [
      {
        pointer: byPointer,
        message: `${name}: meta.by must be ["system"], as timers fire by themselves`,
      },
    ];
  }
  return by.flatMap((sender, index) => {
    if (typeof sender !== 'string' || senders.has(sender)) return [];
    const pointer = joinPointer(byPointer, index);
    const known = [...senders].join(', ');
    return [{ pointer, message: `${name}: unknown sender "${sender}" (known: ${known})` }];
  });
}

function describeTransition(transition: OutlineTransition): string {
  const from = `from "${transition.state}"`;
  if (transition.source === 'after') return `timer ${transition.key} ${from}`;
  return `event ${transition.key} ${from}`;
}

export const workflowBadDelayRule: LintRule = {
  id: 'workflow-bad-delay',
  severity: 'error',
  explain:
    'Delays ("after" keys and setDeadline durations) are ISO 8601 durations with a fixed length, such as P5D, PT12H or P1W; years and months are refused because their length varies.',
  check: withWorkflow((context, { part, outline }) => {
    const delays = new Map<string, string>();
    for (const t of outline.transitions) if (t.source === 'after') delays.set(t.keyPointer, t.key);
    for (const [pointer, delay] of delays) {
      if (parseIsoDuration(delay) !== null) continue;
      const position = keyPosition(context, part, pointer);
      const message = `"${delay}" is not an ISO 8601 duration of fixed length (such as P5D or PT12H)`;
      context.report(part, { pointer, message, position });
    }
    for (const action of outline.actions) {
      if (!isObject(action.value) || action.value.type !== 'setDeadline') continue;
      const params = action.value.params;
      const duration = isObject(params) ? params.duration : undefined;
      if (typeof duration !== 'string' || parseIsoDuration(duration) !== null) continue;
      const pointer = joinPointer(action.pointer, 'params', 'duration');
      const message = `deadline duration "${duration}" is not an ISO 8601 duration of fixed length (such as P20D)`;
      context.report(part, { pointer, message });
    }
  }),
};
