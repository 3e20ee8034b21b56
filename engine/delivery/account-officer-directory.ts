import type { Database } from '../database/database';
import type { ApplicantContact } from '../engine-context';
import type { OfficerDirectory } from './officer-directory';

/**
 * The officers of the accounts table: those who cover the matter (named in `matters`, or with no
 * list, which covers every matter) and have an e-mail address or a phone number to reach them.
 *
 * @example
 * const officers = accountOfficerDirectory(database);
 * createDeliveryServices(deliveryConfigFromEnv(), database, logger, { officers });
 */
export function accountOfficerDirectory(database: Database): OfficerDirectory {
  return {
    async contactsFor(matterId) {
      const rows = await database('accounts')
        .where({ kind: 'officer' })
        .where((query) => query.whereNull('matters').orWhereRaw('? = any(matters)', [matterId]))
        .where((query) => query.whereNotNull('email').orWhereNotNull('phone'))
        .orderBy('username')
        .select('display_name', 'email', 'phone');
      return rows.map(contactFrom);
    },
  };
}

function contactFrom(row: { display_name: string; email: string | null; phone: string | null }) {
  const contact: ApplicantContact = { name: row.display_name };
  if (row.email) contact.email = row.email;
  if (row.phone) contact.phone = row.phone;
  return contact;
}
