import type { Correction } from '../../definitions/workflow/workflow-machine';
import type { WorkstationCategory } from '../../definitions/matter-definition';
import type { ApplicantContact } from '../engine-context';

/** An application as the engine hands it out. */
export interface Application {
  id: string;
  reference: string;
  matterId: string;
  matterVersion: string;
  applicantId: string;
  applicantKind: string;
  applicant: ApplicantContact;
  status: string;
  category: WorkstationCategory;
  data: unknown;
  corrections: CorrectionRequest | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
}

/** The fields an officer asked the applicant to fix, with the officer's comment. */
export interface CorrectionRequest {
  items: Correction[];
  comment: string | null;
  requestedAt: string;
}

export interface ApplicationRow {
  id: string;
  reference: string;
  matter_id: string;
  matter_version: string;
  applicant_id: string;
  applicant_kind: string;
  applicant: unknown;
  status: string;
  category: string;
  snapshot: unknown;
  data: unknown;
  corrections: unknown;
  version: number | string;
  created_at: Date;
  updated_at: Date;
  submitted_at: Date | null;
}

export function applicationFromRow(row: ApplicationRow): Application {
  return {
    ...summaryFromRow(row),
    data: json(row.data),
    corrections: (json(row.corrections) ?? null) as CorrectionRequest | null,
  };
}

/** An application as lists show it: all but the form data and the correction request. */
export type ApplicationSummary = Omit<Application, 'data' | 'corrections'>;

export type SummaryRow = Omit<ApplicationRow, 'data' | 'snapshot' | 'corrections'>;

/**
 * The columns a summary is read from. Lists leave out the form data and the workflow snapshot,
 * kilobytes of JSON a row that the driver would parse for nothing.
 */
export const summaryColumns = [
  'id',
  'reference',
  'matter_id',
  'matter_version',
  'applicant_id',
  'applicant_kind',
  'applicant',
  'status',
  'category',
  'version',
  'created_at',
  'updated_at',
  'submitted_at',
] as const satisfies readonly (keyof SummaryRow)[];

export function summaryFromRow(row: SummaryRow): ApplicationSummary {
  return {
    id: row.id,
    reference: row.reference,
    matterId: row.matter_id,
    matterVersion: row.matter_version,
    applicantId: row.applicant_id,
    applicantKind: row.applicant_kind,
    applicant: json(row.applicant) as ApplicantContact,
    status: row.status,
    category: row.category as WorkstationCategory,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    submittedAt: row.submitted_at,
  };
}

/** jsonb arrives parsed from both drivers; a string means it was stored as JSON text. */
export function json(value: unknown): unknown {
  return typeof value === 'string' ? JSON.parse(value) : value;
}
