import type { ApplicantContact } from '../engine-context';

/**
 * Who among the officers hears about a matter's applications. The accounts live with the API,
 * so the engine asks through this port; the API injects the real one.
 */
export interface OfficerDirectory {
  contactsFor(matterId: string): Promise<ApplicantContact[]>;
}

/** Knows no officer: notifications addressed to `officers` go to nobody (with a warning). */
export const emptyOfficerDirectory: OfficerDirectory = {
  contactsFor: async () => [],
};
