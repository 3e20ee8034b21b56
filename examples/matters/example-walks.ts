import type { SampleEdit } from './example-cases';

/**
 * Paths through each example's workflow, as data: every step sends an event (or fires the
 * durable timer of an `after` key) and names the state it must lead to, or the code it must
 * be refused with. A walk starts in the initial state with the sample, changed by `edits`.
 */

type ActorKind = 'applicant' | 'officer' | 'admin' | 'system';

interface Correction {
  pointer: string;
  reason: string;
}

export type WalkStep = (
  { send: string; as: ActorKind; comment?: string; corrections?: Correction[] } | { timer: string }
) &
  ({ to: string } | { refused: string });

export interface Walk {
  matter: string;
  name: string;
  edits?: SampleEdit[];
  steps: WalkStep[];
}

const officerComment = '住所使用证明不清晰 / The proof of premises is illegible';
const premisesCorrection = [{ pointer: '/premisesProof', reason: '请上传清晰的租赁合同' }];

const commercial = 'commercial-entity-establishment';
const individual = 'individual-business-registration';

export const exampleWalks: Walk[] = [
  {
    matter: commercial,
    name: 'the happy path of npm start',
    steps: [
      { send: 'SUBMIT', as: 'applicant', to: 'submitted' },
      { send: 'ACCEPT', as: 'officer', to: 'accepted' },
      { send: 'START_REVIEW', as: 'officer', to: 'underReview' },
      { send: 'APPROVE', as: 'officer', to: 'approved' },
      { send: 'ISSUE_LICENCE', as: 'officer', to: 'licenceIssued' },
    ],
  },
  {
    matter: commercial,
    name: 'a correction, then a refusal',
    steps: [
      { send: 'SUBMIT', as: 'applicant', to: 'submitted' },
      { send: 'ACCEPT', as: 'applicant', refused: 'actor_not_allowed' },
      { send: 'ACCEPT', as: 'officer', to: 'accepted' },
      { send: 'START_REVIEW', as: 'officer', to: 'underReview' },
      { send: 'REQUEST_CORRECTION', as: 'officer', refused: 'comment_required' },
      {
        send: 'REQUEST_CORRECTION',
        as: 'officer',
        comment: officerComment,
        refused: 'corrections_required',
      },
      {
        send: 'REQUEST_CORRECTION',
        as: 'officer',
        comment: officerComment,
        corrections: premisesCorrection,
        to: 'correctionRequested',
      },
      { send: 'RESUBMIT', as: 'applicant', to: 'underReview' },
      { send: 'REJECT', as: 'officer', refused: 'comment_required' },
      { send: 'REJECT', as: 'officer', comment: '经营范围含前置许可项目', to: 'rejected' },
    ],
  },
  {
    matter: commercial,
    name: 'deemed acceptance and approval by silence',
    steps: [
      { send: 'SUBMIT', as: 'applicant', to: 'submitted' },
      { timer: 'P5D', to: 'accepted' },
      { send: 'DEADLINE_EXPIRED', as: 'officer', refused: 'actor_not_allowed' },
      { send: 'DEADLINE_EXPIRED', as: 'system', to: 'approved' },
      { send: 'ISSUE_LICENCE', as: 'officer', to: 'licenceIssued' },
    ],
  },
  {
    matter: commercial,
    name: 'a correction left unanswered for 30 days',
    steps: [
      { send: 'SUBMIT', as: 'applicant', to: 'submitted' },
      { send: 'ACCEPT', as: 'officer', to: 'accepted' },
      { send: 'START_REVIEW', as: 'officer', to: 'underReview' },
      {
        send: 'REQUEST_CORRECTION',
        as: 'officer',
        comment: officerComment,
        corrections: premisesCorrection,
        to: 'correctionRequested',
      },
      { timer: 'P30D', to: 'withdrawn' },
    ],
  },
  {
    matter: commercial,
    name: 'a withdrawal before acceptance',
    steps: [
      { send: 'SUBMIT', as: 'applicant', to: 'submitted' },
      { send: 'WITHDRAW', as: 'applicant', to: 'withdrawn' },
    ],
  },
  {
    matter: commercial,
    name: 'a submit of an incomplete application',
    edits: [{ remove: '/companyName' }],
    steps: [
      { send: 'APPROVE', as: 'officer', refused: 'event_not_allowed' },
      { send: 'SUBMIT', as: 'applicant', refused: 'form_incomplete' },
    ],
  },
  {
    matter: individual,
    name: 'review, correction and approval',
    steps: [
      { send: 'SUBMIT', as: 'applicant', to: 'submitted' },
      { send: 'START_REVIEW', as: 'officer', to: 'underReview' },
      {
        send: 'REQUEST_CORRECTION',
        as: 'officer',
        comment: officerComment,
        corrections: premisesCorrection,
        to: 'correctionRequested',
      },
      { send: 'RESUBMIT', as: 'applicant', to: 'underReview' },
      { send: 'APPROVE', as: 'officer', to: 'approved' },
    ],
  },
  {
    matter: individual,
    name: 'a refusal before review',
    steps: [
      { send: 'SUBMIT', as: 'applicant', to: 'submitted' },
      { send: 'REJECT', as: 'officer', comment: '经营场所为住宅，不得从事餐饮', to: 'rejected' },
    ],
  },
  {
    matter: 'annual-report',
    name: 'publication on submit',
    steps: [{ send: 'SUBMIT', as: 'applicant', to: 'published' }],
  },
  {
    matter: 'annual-report',
    name: 'a discarded draft',
    steps: [
      { send: 'SUBMIT', as: 'officer', refused: 'actor_not_allowed' },
      { send: 'WITHDRAW', as: 'applicant', to: 'withdrawn' },
    ],
  },
];
