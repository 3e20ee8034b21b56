import {
  type WorkstationCategory,
  workstationCategories,
} from '../../../definitions/matter-definition';

// The workstation's columns and labels are the definition language's own, not a copy.
export { type WorkstationCategory, workstationCategories };

export type Label = { 'zh-CN': string; en: string } | string;

/** A row of `GET /api/applications`. */
export interface ApplicationRow {
  id: string;
  reference: string;
  matterId: string;
  matterTitle: Label;
  status: string;
  statusLabel: Label;
  category: WorkstationCategory;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

/** An event the applicant may send now, from `GET /api/applications/{id}`. */
export interface ApplicantAction {
  type: string;
  label: Label;
  payload: { comment?: 'required' | 'optional'; corrections?: 'required' | 'optional' };
  validateForm: boolean;
}

export const pageSize = 10;

/** The categories in which the applicant fills the form in (a draft, or a correction asked). */
export function editable(category: WorkstationCategory): boolean {
  return category === 'draft' || category === 'correction';
}

export function isCategory(value: string | null): value is WorkstationCategory {
  return workstationCategories.includes(value as WorkstationCategory);
}
