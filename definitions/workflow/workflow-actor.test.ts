import { actorHasRole, actorMaySend, describeActor } from './workflow-actor';
import type { WorkflowActor } from './workflow-actor';

const applicant: WorkflowActor = { kind: 'applicant' };
const officer: WorkflowActor = { kind: 'officer' };
const reviewer: WorkflowActor = { kind: 'officer', roles: ['reviewer'] };
const admin: WorkflowActor = { kind: 'admin' };
const system: WorkflowActor = { kind: 'system' };

describe('actorMaySend', () => {
  test.each([
    [['applicant'], applicant, true],
    [['applicant'], officer, false],
    [['officer'], reviewer, true],
    [['reviewer'], reviewer, true],
    [['reviewer'], officer, false],
    [['reviewer'], applicant, false],
    [['reviewer'], { kind: 'applicant', roles: ['reviewer'] }, false],
    [['applicant'], { kind: 'officer', roles: ['applicant'] }, false],
    [['system'], { kind: 'officer', roles: ['system'] }, false],
    [['system'], system, true],
    [['system'], admin, false],
    [['admin'], admin, true],
    [[], system, false],
    [undefined, system, true],
    [undefined, officer, false],
  ] as [string[] | undefined, WorkflowActor, boolean][])(
    'by %j admits %j: %s',
    (by, actor, expected) => {
      expect(actorMaySend(by, actor)).toBe(expected);
    },
  );
});

test('actorHasRole matches the kind or a role', () => {
  expect(actorHasRole(reviewer, 'reviewer')).toBe(true);
  expect(actorHasRole(reviewer, 'officer')).toBe(true);
  expect(actorHasRole(reviewer, 'chief')).toBe(false);
  expect(actorHasRole(undefined, 'officer')).toBe(false);
});

test('describeActor names the roles', () => {
  expect(describeActor(reviewer)).toBe('officer (reviewer)');
  expect(describeActor(applicant)).toBe('applicant');
});
