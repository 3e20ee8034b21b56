/**
 * A Content-Disposition header for a file name in any script (RFC 6266 with the RFC 5987
 * `filename*` form): browsers that read `filename*` get the UTF-8 name, the rest an ASCII
 * stand-in with every other character replaced.
 */
export function contentDisposition(kind: 'attachment' | 'inline', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\%]/g, '_') || 'file';
  const encoded = encodeURIComponent(name).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `${kind}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
