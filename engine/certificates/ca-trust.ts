import { join } from 'node:path';
import type { Logger } from '../logger';
import { type RevocationList, isSignedBy } from './certificate-revocation-list';
import { type ParsedCertificate, parseCertificate } from './parsed-certificate';
import { filesStamp, loadRevocationLists, loadRoots } from './trust-files';

/** The demo CA of `examples/demo-ca`, trusted when CA_TRUSTED_ROOTS is unset outside production. */
export const demoCaFolder = join(__dirname, '..', '..', 'examples', 'demo-ca');

/** How often the CRL files are looked at for changes (a CA publishes a new list every day). */
export const revocationRefreshMs = 60_000;

/** Parsed certificates and checked issuer links kept in memory; more than plenty for logins. */
const cacheLimit = 2_000;

export interface CertificateTrustSources {
  /** A PEM or DER file, or a folder of them, of trusted CA roots. */
  roots?: string;
  /** A file or folder of CRLs; none when absent. */
  revocationLists?: string;
}

/**
 * The CAs the portal trusts and the CRLs it checks against, loaded once and kept parsed, with
 * caches so that a login does each expensive check once: certificates parsed by their bytes,
 * issuer signatures checked once per pair, each CRL's signature once per issuer. CRL files are
 * re-read when they change (looked at every `revocationRefreshMs`); a change that cannot be
 * read keeps the lists already loaded and logs a warning.
 *
 * @example
 * const trust = certificateTrustFromEnv(process.env, logger);
 * const verified = verifyCertificateLogin(trust, { certificate, nonce, signature }, new Date());
 */
export class CertificateTrust {
  readonly roots: readonly ParsedCertificate[];
  private lists: RevocationList[];
  private listsStamp: string;
  private listsCheckedAt = Date.now();
  private readonly parsed = new Map<string, ParsedCertificate>();
  private readonly links = new Map<string, boolean>();
  private readonly warned = new Set<string>();

  constructor(
    private readonly sources: CertificateTrustSources,
    private readonly logger: Logger,
  ) {
    this.roots = sources.roots ? loadRoots(sources.roots, 'CA_TRUSTED_ROOTS') : [];
    this.lists = sources.revocationLists
      ? loadRevocationLists(sources.revocationLists, 'CA_CRLS')
      : [];
    this.listsStamp = sources.revocationLists ? filesStamp(sources.revocationLists) : '';
  }

  /** A certificate from its DER, parsed once while it stays in the cache. */
  parse(der: Buffer): ParsedCertificate {
    const key = der.toString('base64');
    const known = this.parsed.get(key);
    if (known) return known;
    const certificate = parseCertificate(der);
    remember(this.parsed, key, certificate);
    return certificate;
  }

  /** The trusted roots whose key signed `certificate`. */
  rootIssuing(certificate: ParsedCertificate): ParsedCertificate | undefined {
    return this.roots.find((root) => this.issued(root, certificate));
  }

  /** Whether `issuer` issued `certificate`: names, key identifiers, and the signature. */
  issued(issuer: ParsedCertificate, certificate: ParsedCertificate): boolean {
    if (issuer.subject.text !== certificate.issuer.text) return false;
    const key = `${certificate.fingerprint}>${issuer.fingerprint}`;
    let issued = this.links.get(key);
    if (issued === undefined) {
      issued =
        certificate.x509.checkIssued(issuer.x509) && certificate.x509.verify(issuer.x509.publicKey);
      remember(this.links, key, issued);
    }
    return issued;
  }

  /**
   * The CRLs of `issuer` that its key signed. A list naming the issuer but signed by another key
   * is left out with a warning; a list past its next update still counts (what it revokes stays
   * revoked) and is warned about once.
   */
  revocationListsOf(issuer: ParsedCertificate, now: Date): RevocationList[] {
    this.refreshLists();
    return this.lists.filter((list) => {
      if (list.issuer.text !== issuer.subject.text) return false;
      if (!isSignedBy(list, issuer)) {
        this.warnOnce(
          `forged:${list.source}`,
          { crl: list.source },
          'CRL signature does not verify with its issuer; ignored',
        );
        return false;
      }
      if (list.nextUpdate && list.nextUpdate < now) {
        this.warnOnce(
          `stale:${list.source}`,
          { crl: list.source, nextUpdate: list.nextUpdate },
          'CRL is past its next update; publish a fresh one',
        );
      }
      return true;
    });
  }

  private refreshLists(): void {
    const path = this.sources.revocationLists;
    if (!path || Date.now() - this.listsCheckedAt < revocationRefreshMs) return;
    this.listsCheckedAt = Date.now();
    try {
      const stamp = filesStamp(path);
      if (stamp === this.listsStamp) return;
      this.lists = loadRevocationLists(path, 'CA_CRLS');
      this.listsStamp = stamp;
      this.logger.info({ crls: this.lists.length }, 'CRLs reloaded');
    } catch (error) {
      this.logger.warn(
        { err: error, path },
        'CRLs changed but cannot be read; keeping the old ones',
      );
    }
  }

  private warnOnce(key: string, meta: Record<string, unknown>, message: string): void {
    if (this.warned.has(key)) return;
    this.warned.add(key);
    this.logger.warn(meta, message);
  }
}

/**
 * The trust of CA_TRUSTED_ROOTS and CA_CRLS (each a PEM or DER file, or a folder of them; several
 * CAs at once). Unset, the demo CA of `examples/demo-ca` and its CRL, except with
 * `NODE_ENV=production`, where no CA is trusted (and a warning says so): the demo users' keys are
 * public. Throws RuntimeConfigError naming the variable and file of a bad setting.
 */
export function certificateTrustFromEnv(env: NodeJS.ProcessEnv, logger: Logger): CertificateTrust {
  const roots = env.CA_TRUSTED_ROOTS?.trim();
  const lists = env.CA_CRLS?.trim();
  if (roots) return new CertificateTrust({ roots, revocationLists: lists || undefined }, logger);
  if (env.NODE_ENV?.trim() === 'production') {
    logger.warn('CA_TRUSTED_ROOTS is not set: certificate logins are refused');
    return new CertificateTrust({ revocationLists: lists || undefined }, logger);
  }
  return demoCertificateTrust(logger, lists);
}

/** The demo CA's roots and CRL (for local trying and as the tests' default). */
export function demoCertificateTrust(logger: Logger, revocationLists?: string): CertificateTrust {
  return new CertificateTrust(
    {
      roots: join(demoCaFolder, 'roots'),
      revocationLists: revocationLists || join(demoCaFolder, 'crls'),
    },
    logger,
  );
}

function remember<V>(cache: Map<string, V>, key: string, value: V): void {
  if (cache.size >= cacheLimit) cache.delete(cache.keys().next().value as string);
  cache.set(key, value);
}
