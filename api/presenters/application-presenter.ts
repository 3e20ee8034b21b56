import type { CompiledDefinition } from '../../definitions/compiled-definition';
import type { ApplicationView } from '../../engine/applications/application-queries';
import type { Application, ApplicationSummary } from '../../engine/applications/application-record';
import type { HistoryItem } from '../../engine/applications/audit-trail';
import type { Attachment } from '../../engine/attachments/attachments';
import type { IssuedDocument } from '../../engine/delivery/document-delivery';
import type { AvailableEvent } from '../../definitions/workflow/workflow-step';
import { eventLabels, presentMaterial, statusLabel } from './matter-presenter';

/** Applicants see their own application; staff (officers, administrators) also who applied. */
export type Audience = 'applicant' | 'staff';

/** What a detail view shows besides the application itself. */
export interface ApplicationExtras {
  attachments: Attachment[];
  documents: IssuedDocument[];
}

/** The application's own fields, with its data. */
export function presentApplication(application: Application, audience: Audience) {
  const shown = {
    id: application.id,
    reference: application.reference,
    matterId: application.matterId,
    matterVersion: application.matterVersion,
    status: application.status,
    category: application.category,
    data: application.data,
    version: application.version,
    corrections: application.corrections,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    submittedAt: application.submittedAt,
  };
  return audience === 'staff' ? { ...shown, ...applicantOf(application) } : shown;
}

/** A row of the workstation or the desk: no data, with the labels to show. */
export function presentListItem(
  application: ApplicationSummary,
  compiled: CompiledDefinition,
  audience: Audience,
) {
  const item = {
    id: application.id,
    reference: application.reference,
    matterId: application.matterId,
    matterVersion: application.matterVersion,
    matterTitle: compiled.definition.matter.title,
    status: application.status,
    statusLabel: statusLabel(compiled, application.status),
    category: application.category,
    version: application.version,
    createdAt: application.createdAt,
    updatedAt: application.updatedAt,
    submittedAt: application.submittedAt,
  };
  return audience === 'staff' ? { ...item, ...applicantOf(application) } : item;
}

/**
 * One application with what its viewer may do now (`actions`), how it got here (`history`),
 * its files and issued documents; staff also get the materials with the files the form names.
 */
export function presentApplicationView(
  view: ApplicationView,
  compiled: CompiledDefinition,
  extras: ApplicationExtras,
  audience: Audience,
) {
  const labels = eventLabels(compiled);
  const shown = {
    ...presentApplication(view, audience),
    matterTitle: compiled.definition.matter.title,
    statusLabel: view.statusLabel,
    actions: view.actions.map(presentAction),
    history: view.history.map((item) => presentHistoryItem(item, compiled, labels, audience)),
    attachments: extras.attachments.map(presentAttachment),
    documents: extras.documents.map(presentDocument),
  };
  if (audience === 'applicant') return shown;
  return { ...shown, materials: materialsWithFiles(view, compiled, extras.attachments) };
}

export function presentAction(action: AvailableEvent) {
  return {
    type: action.type,
    label: action.label ?? { 'zh-CN': action.type, en: action.type },
    target: action.target ?? null,
    payload: action.payload,
    validateForm: action.validateForm,
  };
}

function presentHistoryItem(
  item: HistoryItem,
  compiled: CompiledDefinition,
  labels: Map<string, unknown>,
  audience: Audience,
) {
  const shown = {
    seq: item.seq,
    event: item.event,
    eventLabel: labels.get(item.event) ?? { 'zh-CN': item.event, en: item.event },
    from: item.from,
    to: item.to,
    toLabel: statusLabel(compiled, item.to),
    actorKind: item.actorKind,
    comment: item.comment,
    corrections: item.corrections,
    at: item.at,
  };
  // Applicants see which kind of actor acted, not the officer's account.
  if (audience === 'applicant') return shown;
  return { ...shown, actorId: item.actorId, actorRoles: item.actorRoles };
}

export function presentAttachment(attachment: Attachment) {
  return {
    id: attachment.id,
    materialId: attachment.materialId,
    name: attachment.name,
    size: attachment.size,
    sha256: attachment.sha256,
    mediaType: attachment.mediaType,
    createdAt: attachment.createdAt,
  };
}

export function presentDocument(document: IssuedDocument) {
  return {
    id: document.id,
    name: document.name,
    title: document.title,
    mediaType: document.mediaType,
    createdAt: document.createdAt,
  };
}

function applicantOf(application: ApplicationSummary) {
  return {
    applicantId: application.applicantId,
    applicantKind: application.applicantKind,
    applicant: application.applicant,
  };
}

/** Each material of the matter with the uploaded files the form data references for it. */
function materialsWithFiles(
  application: Application,
  compiled: CompiledDefinition,
  attachments: Attachment[],
) {
  const referenced = referencedIds(application.data, new Set());
  return compiled.definition.matter.materials.map((material) => ({
    ...presentMaterial(material),
    files: attachments
      .filter((file) => file.materialId === material.id && referenced.has(file.id))
      .map(presentAttachment),
  }));
}

function referencedIds(value: unknown, found: Set<string>): Set<string> {
  if (Array.isArray(value)) {
    for (const item of value) referencedIds(item, found);
  } else if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if (typeof record.id === 'string' && typeof record.sha256 === 'string') found.add(record.id);
    for (const child of Object.values(record)) referencedIds(child, found);
  }
  return found;
}
