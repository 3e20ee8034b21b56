import type { GuardConfig } from '../matter-definition';
import { actors, permitForm } from './__fixtures__/permit-fixture';
import { GuardError, type GuardContext, evaluateGuard } from './guards';
import type { WorkflowActor } from './workflow-actor';

const complete = { applicantName: '张三', amount: 20000, urgent: true };
const incomplete = { amount: -1 };

function context(data: unknown, actor: WorkflowActor | undefined = actors.officer): GuardContext {
  return { data, actor, form: permitForm() };
}

const urgent: GuardConfig = {
  type: 'dataSatisfies',
  params: {
    schema: { type: 'object', required: ['urgent'], properties: { urgent: { const: true } } },
  },
};
const large: GuardConfig = {
  type: 'dataSatisfies',
  params: {
    schema: { type: 'object', properties: { amount: { type: 'number', minimum: 10000 } } },
  },
};
const chief: GuardConfig = { type: 'actorHasRole', params: { role: 'chief' } };
const formComplete: GuardConfig = { type: 'formComplete' };

describe('evaluateGuard', () => {
  test.each([
    ['dataSatisfies passes', urgent, context(complete), true],
    ['dataSatisfies fails', urgent, context({ urgent: false }), false],
    ['dataSatisfies on missing data', urgent, context(undefined), false],
    [
      'dataSatisfies with a boolean schema',
      { type: 'dataSatisfies', params: { schema: false } },
      context(complete),
      false,
    ],
    ['formComplete on complete data', formComplete, context(complete), true],
    ['formComplete on incomplete data', formComplete, context(incomplete), false],
    ['actorHasRole by role', chief, context(complete, actors.chief), true],
    ['actorHasRole without the role', chief, context(complete, actors.reviewer), false],
    [
      'actorHasRole by kind',
      { type: 'actorHasRole', params: { role: 'applicant' } },
      context(complete, actors.applicant),
      true,
    ],
    ['actorHasRole with no actor', chief, context(complete, undefined), false],
    [
      'and, all pass',
      { type: 'and', params: { guards: [urgent, large] } },
      context(complete),
      true,
    ],
    [
      'and, one fails',
      { type: 'and', params: { guards: [urgent, chief] } },
      context(complete),
      false,
    ],
    [
      'or, one passes',
      { type: 'or', params: { guards: [chief, urgent] } },
      context(complete),
      true,
    ],
    [
      'or, none passes',
      { type: 'or', params: { guards: [chief, formComplete] } },
      context(incomplete),
      false,
    ],
    ['not', { type: 'not', params: { guard: large } }, context({ amount: 5 }), true],
    [
      'nested and / or / not',
      {
        type: 'and',
        params: {
          guards: [
            { type: 'or', params: { guards: [chief, { type: 'not', params: { guard: large } }] } },
            formComplete,
          ],
        },
      },
      context({ ...complete, amount: 10 }, actors.reviewer),
      true,
    ],
  ] as [string, GuardConfig, GuardContext, boolean][])(
    '%s',
    (_name, guard, guardContext, expected) => {
      expect(evaluateGuard(guard, guardContext)).toBe(expected);
    },
  );

  test('schemas with the same content in another key order give the same answer', () => {
    const reordered: GuardConfig = {
      type: 'dataSatisfies',
      params: {
        schema: { properties: { urgent: { const: true } }, required: ['urgent'], type: 'object' },
      },
    };
    expect(evaluateGuard(reordered, context(complete))).toBe(true);
    expect(evaluateGuard(reordered, context({}))).toBe(false);
  });

  test('two schemas with the same $id do not collide', () => {
    const first = {
      type: 'dataSatisfies',
      params: { schema: { $id: 'x', type: 'object', required: ['a'] } },
    } as GuardConfig;
    const second = {
      type: 'dataSatisfies',
      params: { schema: { $id: 'x', type: 'object', required: ['b'] } },
    } as GuardConfig;
    expect(evaluateGuard(first, context({ a: 1 }))).toBe(true);
    expect(evaluateGuard(second, context({ a: 1 }))).toBe(false);
  });

  test.each([
    ['an unknown type', { type: 'isTuesday' }, 'unknown_guard'],
    ['a type from Object.prototype', { type: 'toString' }, 'unknown_guard'],
    ['actorHasRole without a role', { type: 'actorHasRole', params: {} }, 'guard_params_invalid'],
    ['and without guards', { type: 'and', params: { guards: 'x' } }, 'guard_params_invalid'],
    ['not without a guard', { type: 'not', params: {} }, 'guard_params_invalid'],
    [
      'dataSatisfies without a schema',
      { type: 'dataSatisfies', params: {} },
      'guard_params_invalid',
    ],
    [
      'dataSatisfies with a schema strict ajv refuses',
      { type: 'dataSatisfies', params: { schema: { required: ['a'] } } },
      'guard_params_invalid',
    ],
    [
      'an unknown type deep inside',
      { type: 'not', params: { guard: { type: 'nope' } } },
      'unknown_guard',
    ],
  ])('throws a GuardError for %s', (_name, guard, code) => {
    const evaluate = () => evaluateGuard(guard as GuardConfig, context(complete));
    expect(evaluate).toThrow(GuardError);
    expect(evaluate).toThrow(expect.objectContaining({ code }));
  });
});
