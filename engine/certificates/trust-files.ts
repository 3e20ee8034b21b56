import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';
import { RuntimeConfigError } from '../runtime/runtime-config';
import { type RevocationList, parseRevocationList } from './certificate-revocation-list';
import { type ParsedCertificate, parseCertificate, pemBlocks } from './parsed-certificate';

const rootExtensions = ['.pem', '.crt', '.cer'];
const listExtensions = ['.pem', '.crl', '.der'];

/**
 * The trusted root certificates in a PEM or DER file, or in the `.pem`, `.crt` and `.cer` files
 * of a folder (a PEM file may hold several). Throws RuntimeConfigError naming the variable and
 * the file when a file cannot be read, holds no certificate, or holds one that is not a CA.
 */
export function loadRoots(path: string, variable: string): ParsedCertificate[] {
  const roots = new Map<string, ParsedCertificate>();
  for (const file of trustFiles(path, variable, rootExtensions)) {
    for (const der of fileBlocks(file, 'CERTIFICATE', variable)) {
      const root = parsed(() => parseCertificate(der), file, variable, 'certificate');
      if (!root.x509.ca) {
        throw new RuntimeConfigError(
          variable,
          `${variable}: ${file} holds "${root.subject.text}", which is not a CA certificate ` +
            '(its basicConstraints do not say cA); list only CA roots',
        );
      }
      roots.set(root.fingerprint, root);
    }
  }
  return [...roots.values()];
}

/** The CRLs (PEM or DER) in a file or in the `.pem`, `.crl` and `.der` files of a folder. */
export function loadRevocationLists(path: string, variable: string): RevocationList[] {
  return trustFiles(path, variable, listExtensions).flatMap((file) =>
    fileBlocks(file, 'X509 CRL', variable).map((der) =>
      parsed(() => parseRevocationList(der, file), file, variable, 'CRL'),
    ),
  );
}

/** Names, sizes and modification times of the files: a change means the lists are reloaded. */
export function filesStamp(path: string, extensions = listExtensions): string {
  return trustFiles(path, 'CA_CRLS', extensions)
    .map((file) => {
      const stat = statSync(file);
      return `${file}:${stat.size}:${stat.mtimeMs}`;
    })
    .join('|');
}

function trustFiles(path: string, variable: string, extensions: string[]): string[] {
  let isFolder: boolean;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    throw new RuntimeConfigError(variable, `${variable}: ${path} does not exist`);
  }
  if (!isFolder) return [path];
  const files = readdirSync(path)
    .filter((name) => !name.startsWith('.') && extensions.includes(extname(name).toLowerCase()))
    .sort()
    .map((name) => join(path, name));
  if (files.length === 0) {
    throw new RuntimeConfigError(
      variable,
      `${variable}: the folder ${path} holds no ${extensions.join(', ')} file`,
    );
  }
  return files;
}

/** The DER blocks of a file: its PEM blocks with `label`, or the file itself when it is DER. */
function fileBlocks(file: string, label: string, variable: string): Buffer[] {
  let content: Buffer;
  try {
    content = readFileSync(file);
  } catch (error) {
    throw new RuntimeConfigError(variable, `${variable}: cannot read ${file}: ${String(error)}`);
  }
  const text = content.toString('latin1');
  if (!text.includes('-----BEGIN')) return [content];
  const blocks = parsed(() => pemBlocks(text, label), file, variable, `PEM ${label}`);
  if (blocks.length === 0) {
    throw new RuntimeConfigError(
      variable,
      `${variable}: ${file} holds no "-----BEGIN ${label}-----" block`,
    );
  }
  return blocks;
}

function parsed<T>(read: () => T, file: string, variable: string, what: string): T {
  try {
    return read();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new RuntimeConfigError(
      variable,
      `${variable}: ${file} is not a readable ${what} (${reason}); give PEM or DER files`,
    );
  }
}
