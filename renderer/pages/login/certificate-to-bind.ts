/**
 * The certificate a CA login's `binding_required` answer names, handed from the login form to
 * the bind page in the history entry's state (the address keeps only the binding token).
 */
export interface CertificateToBind {
  /** The holder and the issuing CA, e.g. `深圳市青禾数字科技有限公司 (Demo CA)`. */
  label: string;
  /** The issuer's distinguished name. */
  issuer: string;
  /** The serial number, with the subject key identifier when the certificate has one. */
  subject: string;
}

/** `value` as a certificate to bind, or null when it is not one (an old or foreign state). */
export function certificateToBind(value: unknown): CertificateToBind | null {
  if (typeof value !== 'object' || value === null) return null;
  const { label, issuer, subject } = value as Record<string, unknown>;
  if (typeof label !== 'string' || typeof issuer !== 'string') return null;
  return { label, issuer, subject: typeof subject === 'string' ? subject : '' };
}

/** The certificate the login form put in the history state (`{certificate}`), or null. */
export function certificateInState(state: unknown): CertificateToBind | null {
  if (typeof state !== 'object' || state === null) return null;
  return certificateToBind((state as { certificate?: unknown }).certificate);
}
