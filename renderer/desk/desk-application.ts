/**
 * The shapes the desk reads from the API (`GET /api/desk/applications` and `/{id}`, `GET
 * /api/matters/{id}`), declared here because the renderer does not import the API's types.
 * Texts from a definition are `{"zh-CN", "en"}` objects, shown with `localized`.
 */
export type DefinitionText = Record<string, string> | string;

export interface ApplicantContact {
  name: string;
  email?: string;
  phone?: string;
}

/** A row of the queue. */
export interface DeskQueueItem {
  id: string;
  reference: string;
  matterId: string;
  matterVersion: string;
  matterTitle: DefinitionText;
  status: string;
  statusLabel: DefinitionText;
  category: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  submittedAt: string | null;
  applicantKind: string;
  applicant: ApplicantContact;
  /** The earliest running deadline, when the API gives one. */
  deadline?: string | null;
}

export interface DeskQueuePage {
  items: DeskQueueItem[];
  total: number;
}

/** What a transition asks its sender for (`meta.payload` of the workflow). */
export interface ActionPayload {
  comment?: 'required' | 'optional';
  corrections?: 'required' | 'optional';
}

/** An event the officer may send now. */
export interface DeskAction {
  type: string;
  label: DefinitionText;
  target: string | null;
  payload: ActionPayload;
  validateForm: boolean;
}

export interface Correction {
  pointer: string;
  reason: string;
}

export interface HistoryEntry {
  seq: number;
  event: string;
  eventLabel: DefinitionText;
  from: string | null;
  to: string;
  toLabel: DefinitionText;
  actorKind: string;
  actorId?: string | null;
  actorRoles?: string[];
  comment: string | null;
  corrections: Correction[] | null;
  at: string;
}

export interface AttachedFile {
  id: string;
  materialId: string;
  name: string;
  size: number;
  sha256: string;
  mediaType: string;
  createdAt: string;
}

export interface MaterialWithFiles {
  id: string;
  title: DefinitionText;
  description: DefinitionText | null;
  required: boolean;
  files: AttachedFile[];
}

export interface IssuedDocument {
  id: string;
  name: string;
  title: DefinitionText;
  mediaType: string;
  createdAt: string;
}

/** One application as the desk sees it. */
export interface DeskApplication extends Omit<DeskQueueItem, 'deadline'> {
  data: Record<string, unknown> | null;
  corrections: { items: Correction[]; comment: string | null; requestedAt: string } | null;
  actions: DeskAction[];
  history: HistoryEntry[];
  attachments: AttachedFile[];
  documents: IssuedDocument[];
  materials: MaterialWithFiles[];
}

/** The parts of a published matter the desk uses. */
export interface MatterForm {
  id: string;
  version: string;
  title: DefinitionText;
  processingDays: number | null;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
  statuses: Record<string, { category: string | null; label?: DefinitionText; final: boolean }>;
}

/** A catalog category with its published matters (`GET /api/categories`). */
export interface CatalogCategory {
  id: string;
  title: DefinitionText;
  order: number;
  matters: { id: string; version: string; title: DefinitionText }[];
}

/** Where an officer downloads a material file. */
export function attachmentUrl(applicationId: string, attachmentId: string): string {
  return `/api/applications/${encodeURIComponent(applicationId)}/attachments/${encodeURIComponent(
    attachmentId,
  )}`;
}

export function documentUrl(applicationId: string, documentId: string): string {
  return `/api/applications/${encodeURIComponent(applicationId)}/documents/${encodeURIComponent(
    documentId,
  )}`;
}
