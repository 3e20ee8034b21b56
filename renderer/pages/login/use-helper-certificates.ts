import { useCallback, useEffect, useState } from 'react';
import { issuerCommonName } from './certificate-names';
import {
  type HelperCertificate,
  type SigningHelperProblem,
  SigningHelperError,
  listHelperCertificates,
} from './signing-helper-client';

/** A certificate of the helper's list with its issuing CA's name (empty when unreadable). */
export interface ListedCertificate extends HelperCertificate {
  issuer: string;
}

/** Where the look for the USB keys' certificates stands. */
export type HelperListing =
  | { state: 'looking' }
  | { state: 'failed'; problem: SigningHelperProblem }
  | { state: 'listed'; certificates: ListedCertificate[] };

/**
 * The certificates the signing helper at `helperUrl` lists, looked up when the form opens and
 * again on `look()` (the person inserted a key, or started the helper). An answer that arrives
 * after a newer look began is dropped.
 */
export function useHelperCertificates(helperUrl: string): {
  listing: HelperListing;
  look(): void;
} {
  const [listing, setListing] = useState<HelperListing>({ state: 'looking' });
  const [round, setRound] = useState(0);
  const look = useCallback(() => setRound((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    setListing({ state: 'looking' });
    listedCertificates(helperUrl).then(
      (certificates) => current && setListing({ state: 'listed', certificates }),
      (error: unknown) => current && setListing({ state: 'failed', problem: problemOf(error) }),
    );
    return () => {
      current = false;
    };
  }, [helperUrl, round]);
  return { listing, look };
}

async function listedCertificates(helperUrl: string): Promise<ListedCertificate[]> {
  const certificates = await listHelperCertificates(helperUrl);
  const issuers = await Promise.all(certificates.map((c) => issuerCommonName(c.certificate)));
  return certificates.map((certificate, index) => ({ ...certificate, issuer: issuers[index]! }));
}

function problemOf(error: unknown): SigningHelperProblem {
  return error instanceof SigningHelperError ? error.problem : 'helper_answer_invalid';
}
