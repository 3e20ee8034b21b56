/**
 * The admin API's answers about matter definitions (`/api/admin/matters...`), declared here
 * because the renderer does not import the API's types.
 */
export type VersionStatus = 'draft' | 'published' | 'retired';

export interface MatterVersionSummary {
  matterId: string;
  version: string;
  status: VersionStatus;
  hash: string;
}

/** One linter finding, placed in the uploaded text by pointer and by line and column. */
export interface LintFinding {
  rule: string;
  severity: 'error' | 'warning';
  file: string;
  pointer: string;
  line: number;
  column: number;
  message: string;
}

/** `POST /api/admin/matters/lint`: the findings, and a preview when there is no error. */
export interface LintAnswer {
  valid: boolean;
  findings: LintFinding[];
  preview?: DefinitionPreview;
}

export interface DefinitionPreview {
  /** The workflow as Mermaid `stateDiagram-v2` text. */
  graph: string;
  formSchema: Record<string, unknown>;
  formUi: Record<string, unknown>;
}

/** `POST /api/admin/matters`: the stored draft and its warnings. */
export interface StoredVersion extends MatterVersionSummary {
  findings: LintFinding[];
}

/** `GET /api/admin/matters/{id}/versions/{version}`. */
export interface MatterVersionDetail extends MatterVersionSummary {
  definition: {
    matter: { title?: unknown; description?: unknown };
    formSchema: Record<string, unknown>;
    formUi: Record<string, unknown>;
  };
  graph: string;
}

export function versionPath(matterId: string, version: string): string {
  return `/admin/matters/${encodeURIComponent(matterId)}/versions/${encodeURIComponent(version)}`;
}
