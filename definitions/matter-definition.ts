/**
 * The shapes of a matter definition once it has passed the meta-schemas.
 * Loading keeps every part as `unknown` until the linter has checked it;
 * these types describe what the compiler may then rely on.
 */

export type Locale = 'zh-CN' | 'en';
export type Label = Record<Locale, string>;

export const applicantTypes = ['individual', 'enterprise'] as const;
export type ApplicantType = (typeof applicantTypes)[number];

export const authLevels = ['password', 'certificate'] as const;
export type AuthLevel = (typeof authLevels)[number];

export const workstationCategories = [
  'draft',
  'submitted',
  'processing',
  'correction',
  'completed',
  'rejected',
  'withdrawn',
] as const;
export type WorkstationCategory = (typeof workstationCategories)[number];

/** Senders every matter knows; a matter adds officer roles of its own in matter.json. */
export const builtInSenders = ['applicant', 'officer', 'admin', 'system'] as const;

export interface Material {
  id: string;
  title: Label;
  description?: Label;
  required: boolean;
  accept?: string[];
  maxSize?: number;
  maxFiles?: number;
}

export interface MatterManifest {
  $schema?: string;
  id: string;
  version: string;
  title: Label;
  description?: Label;
  category: { id: string; title: Label; order?: number };
  applicantTypes: ApplicantType[];
  authLevel: AuthLevel;
  processingDays?: number;
  referencePrefix?: string;
  roles?: { id: string; title: Label }[];
  materials: Material[];
  webhooks?: { url: string; secretEnv: string }[];
}

export interface GuardConfig {
  type: 'dataSatisfies' | 'formComplete' | 'actorHasRole' | 'and' | 'or' | 'not';
  params?: Record<string, unknown>;
}

export interface ActionConfig {
  type: 'notify' | 'issueDocument' | 'setDeadline' | 'clearDeadline';
  params?: Record<string, unknown>;
}

export interface TransitionMeta {
  by?: string[];
  label?: Label;
  validateForm?: boolean;
  payload?: { comment?: 'required' | 'optional'; corrections?: 'required' | 'optional' };
}

export interface TransitionConfig {
  target?: string;
  description?: string;
  guard?: GuardConfig;
  actions?: ActionConfig | ActionConfig[];
  meta?: TransitionMeta;
}

export type TransitionsConfig = TransitionConfig | TransitionConfig[];

export interface StateMeta {
  category?: WorkstationCategory;
  label?: Label;
  applicantEdits?: boolean;
}

export interface StateConfig {
  type?: 'final';
  description?: string;
  meta?: StateMeta;
  entry?: ActionConfig | ActionConfig[];
  exit?: ActionConfig | ActionConfig[];
  on?: Record<string, TransitionsConfig>;
  after?: Record<string, TransitionsConfig>;
  always?: TransitionsConfig;
}

export interface WorkflowConfig {
  $schema?: string;
  id: string;
  description?: string;
  initial: string;
  states: Record<string, StateConfig>;
}

/** A JSON Schema (draft-07) as the form's author wrote it. */
export type FormSchema = Record<string, unknown> | boolean;
export type FormUiSchema = Record<string, unknown>;

/** A definition whose parts passed the linter, ready to compile. */
export interface MatterDefinition {
  matter: MatterManifest;
  formSchema: FormSchema;
  formUi: FormUiSchema;
  workflow: WorkflowConfig;
  /** Template sources by name: templates/NAME.hbs. */
  templates: Record<string, string>;
}

/** The single-file form of a definition, as the admin API stores it. */
export interface MatterBundle extends MatterDefinition {
  format: 'matterflow-bundle/1';
}

export const bundleFormat = 'matterflow-bundle/1';

/** Turns an array-or-one config into a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
