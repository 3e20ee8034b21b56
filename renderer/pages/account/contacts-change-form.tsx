import { apiPut } from '../../api/api-client';
import { type SessionUser, useSession } from '../../app/session';
import { type SettingsField, SettingsForm } from './settings-form';

const fields: SettingsField[] = [
  { pointer: '/phone', label: 'register.phone', type: 'tel', autoComplete: 'tel' },
  { pointer: '/email', label: 'register.email', type: 'email', autoComplete: 'email' },
  {
    pointer: '/currentPassword',
    label: 'account.password.current',
    type: 'password',
    autoComplete: 'current-password',
    hint: 'account.password.currentHint',
  },
];

/**
 * 修改联系方式: the phone and e-mail that password recovery sends its code to, confirmed with the
 * current password. Once saved, the session is asked again so the profile shows the new ones.
 */
export function ContactsChangeForm({ user }: { user: SessionUser }) {
  const session = useSession();
  const send = async (body: Record<string, string>) => {
    await apiPut('/api/account/contacts', body);
    await session.refresh();
  };
  return (
    <SettingsForm
      id="contacts-change"
      title="account.contacts.title"
      intro="account.contacts.intro"
      fields={fields}
      initialValues={{ '/phone': user.phone ?? '', '/email': user.email ?? '' }}
      submit="account.contacts.submit"
      send={send}
      done="account.contacts.changed"
    />
  );
}
