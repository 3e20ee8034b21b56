import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProcessAlive } from '../process-alive';

/**
 * How a CLI reaches a portal running on the embedded database, which only that process may
 * open: the portal leaves its address and a secret token in DATA_DIR (readable by its owner
 * only), and the CLI asks it over loopback instead of opening the database.
 */
export interface PortalClaim {
  pid: number;
  url: string;
  token: string;
}

const fileName = 'portal.json';

export function writePortalClaim(dataDir: string, claim: Omit<PortalClaim, 'pid'>): () => void {
  const path = join(dataDir, fileName);
  writeFileSync(path, JSON.stringify({ ...claim, pid: process.pid }), { mode: 0o600 });
  return () => {
    if (readPortalClaim(dataDir)?.pid === process.pid) rmSync(path, { force: true });
  };
}

/** The claim of a portal process that is still alive, if any. */
export function readLivePortalClaim(dataDir: string): PortalClaim | undefined {
  const claim = readPortalClaim(dataDir);
  return claim && isProcessAlive(claim.pid) ? claim : undefined;
}

function readPortalClaim(dataDir: string): PortalClaim | undefined {
  const path = join(dataDir, fileName);
  if (!existsSync(path)) return undefined;
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as Partial<PortalClaim>;
    const valid =
      typeof value.pid === 'number' &&
      typeof value.url === 'string' &&
      typeof value.token === 'string';
    return valid ? (value as PortalClaim) : undefined;
  } catch {
    return undefined;
  }
}

export interface PortalAnswer {
  status: number;
  body: Record<string, unknown> & { error?: { code: string; message: string } };
}

/** A request to the running portal's internal routes, over loopback, with its token. */
export async function askPortal(
  portal: PortalClaim,
  path: string,
  body: unknown,
): Promise<PortalAnswer> {
  const response = await fetch(`${portal.url}/api/internal/${path}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${portal.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const parsed = (await response.json().catch(() => ({}))) as PortalAnswer['body'];
  return { status: response.status, body: parsed };
}
