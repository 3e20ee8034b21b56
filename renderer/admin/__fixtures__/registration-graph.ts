/** What `matter graph examples/matters/individual-business-registration` prints. */
export const registrationMermaid = `stateDiagram-v2
  state "草稿 / Draft" as draft
  state "已提交 / Submitted" as submitted
  state "审查中 / Under review" as underReview
  state "补正中 / Correction requested" as correctionRequested
  state "已核准 / Approved" as approved
  state "不予登记 / Refused" as rejected
  state "已撤回 / Withdrawn" as withdrawn
  [*] --> draft
  draft --> submitted: SUBMIT (applicant)
  draft --> withdrawn: WITHDRAW (applicant)
  submitted --> underReview: START_REVIEW (reviewer / officer)
  submitted --> rejected: REJECT (reviewer / officer)
  submitted --> withdrawn: WITHDRAW (applicant)
  underReview --> correctionRequested: REQUEST_CORRECTION (reviewer / officer)
  underReview --> approved: APPROVE (reviewer / officer)
  underReview --> rejected: REJECT (reviewer / officer)
  correctionRequested --> underReview: RESUBMIT (applicant)
  correctionRequested --> withdrawn: WITHDRAW (applicant)
  approved --> [*]
  rejected --> [*]
  withdrawn --> [*]
`;
