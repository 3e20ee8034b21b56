import type { MaterialInfo } from '../application/application-api';

/** Why the browser refuses a file before uploading it. */
export type MaterialProblem = 'type' | 'size' | 'count' | 'empty';

/**
 * Checks a chosen file against its material's limits from the definition, as the server will:
 * the media type one the material accepts (`image/*` patterns included), the size within
 * `maxSize`, not empty, and no more than `maxFiles` files once this one is added.
 */
export function materialFileProblem(
  material: Pick<MaterialInfo, 'accept' | 'maxSize' | 'maxFiles'>,
  file: { type: string; size: number },
  filesAfter: number,
): MaterialProblem | undefined {
  if (filesAfter > material.maxFiles) return 'count';
  if (!acceptsType(material.accept, file.type)) return 'type';
  if (file.size === 0) return 'empty';
  if (file.size > material.maxSize) return 'size';
  return undefined;
}

export function acceptsType(accept: readonly string[] | null, type: string): boolean {
  if (!accept || accept.length === 0) return true;
  const mediaType = type.split(';')[0]?.trim().toLowerCase() ?? '';
  return accept.some((pattern) =>
    pattern.endsWith('/*') ? mediaType.startsWith(pattern.slice(0, -1)) : pattern === mediaType,
  );
}

const typeNames: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPG',
  'image/png': 'PNG',
  'image/*': 'image',
};

/** The accepted types as people know them: `PDF, JPG, PNG`. */
export function acceptedTypeNames(accept: readonly string[] | null): string {
  return (accept ?? []).map((type) => typeNames[type] ?? type).join(', ');
}

/** A size in bytes as `10 MB`, `320 KB` or `12 B`. */
export function formatFileSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} B`;
}

function trim(value: number): string {
  return value >= 10 ? String(Math.round(value)) : String(Math.round(value * 10) / 10);
}
