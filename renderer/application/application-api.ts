import { apiGet, apiPost, apiPut, apiUpload } from '../api/api-client';

/**
 * The application and matter as the portal API answers them (api/presenters), declared here
 * because the renderer imports nothing of the API; only the fields the pages use.
 */
export type Label = { 'zh-CN': string; en: string } | string;

export interface ApplicationAction {
  type: string;
  label: Label;
  target: string | null;
  payload: { comment?: 'required' | 'optional'; corrections?: 'required' | 'optional' };
  validateForm: boolean;
}

export interface Correction {
  pointer: string;
  reason: string;
}

export interface CorrectionRequest {
  items: Correction[];
  comment: string | null;
  requestedAt: string;
}

export interface HistoryEntry {
  seq: number;
  event: string;
  eventLabel: Label;
  from: string | null;
  to: string;
  toLabel: Label;
  actorKind: string;
  comment: string | null;
  corrections: Correction[] | null;
  at: string;
}

/** A file reference as the form data holds it and the upload route returns it. */
export interface FileRef {
  id: string;
  name: string;
  size: number;
  sha256: string;
}

export interface Attachment extends FileRef {
  materialId: string;
  mediaType: string;
  createdAt: string;
}

export interface IssuedDocument {
  id: string;
  name: string;
  title: Label;
  mediaType: string;
  createdAt: string;
}

export interface Application {
  id: string;
  reference: string;
  matterId: string;
  matterVersion: string;
  status: string;
  category: string;
  data: Record<string, unknown>;
  version: number;
  corrections: CorrectionRequest | null;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
}

export interface ApplicationDetail extends Application {
  matterTitle: Label;
  statusLabel: Label;
  actions: ApplicationAction[];
  history: HistoryEntry[];
  attachments: Attachment[];
  documents: IssuedDocument[];
}

export interface MaterialInfo {
  id: string;
  title: Label;
  description: Label | null;
  required: boolean;
  accept: string[] | null;
  maxSize: number;
  maxFiles: number;
}

export interface StatusInfo {
  category: string | null;
  label?: Label;
  final: boolean;
  applicantEdits: boolean;
}

export interface Matter {
  id: string;
  version: string;
  title: Label;
  description: Label | null;
  materials: MaterialInfo[];
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  statuses: Record<string, StatusInfo>;
}

const base = (id: string) => `/api/applications/${encodeURIComponent(id)}`;

export function loadApplication(id: string): Promise<ApplicationDetail> {
  return apiGet<ApplicationDetail>(base(id));
}

export function loadMatter(matterId: string): Promise<Matter> {
  return apiGet<Matter>(`/api/matters/${encodeURIComponent(matterId)}`);
}

/** Saves the data as a draft; 409 `version_conflict` when someone saved in between. */
export function saveApplicationData(
  id: string,
  data: Record<string, unknown>,
  version: number,
): Promise<Application> {
  return apiPut<Application>(`${base(id)}/data`, { data, version });
}

/** Sends a workflow event; the answer is the application in its new status. */
export function sendApplicationEvent(
  id: string,
  event: { type: string; version?: number; comment?: string },
): Promise<ApplicationDetail> {
  return apiPost<ApplicationDetail>(`${base(id)}/events`, event);
}

/** Uploads one material file (the route wants `materialId` before `file`). */
export function uploadMaterialFile(
  id: string,
  materialId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<FileRef> {
  const form = new FormData();
  form.append('materialId', materialId);
  form.append('file', file, file.name);
  return apiUpload<FileRef>(`${base(id)}/attachments`, form, onProgress);
}

export function attachmentUrl(applicationId: string, attachmentId: string): string {
  return `${base(applicationId)}/attachments/${encodeURIComponent(attachmentId)}`;
}

export function documentUrl(applicationId: string, documentId: string, download = false): string {
  const url = `${base(applicationId)}/documents/${encodeURIComponent(documentId)}`;
  return download ? `${url}?download=1` : url;
}
