import type { MessageKey } from '../../i18n/i18n';

export type ApplicantKind = 'individual' | 'enterprise';

/** One input of the registration form, named by its JSON pointer in the request body. */
export interface RegistrationField {
  pointer: string;
  label: MessageKey;
  required: boolean;
  type?: 'text' | 'password' | 'email' | 'tel';
  autoComplete?: string;
  hint?: MessageKey;
  inputMode?: 'numeric' | 'tel' | 'email';
}

const account: RegistrationField[] = [
  {
    pointer: '/username',
    label: 'register.username',
    required: true,
    autoComplete: 'username',
    hint: 'register.usernameHint',
  },
  {
    pointer: '/password',
    label: 'register.password',
    required: true,
    type: 'password',
    autoComplete: 'new-password',
    hint: 'register.passwordHint',
  },
  {
    pointer: '/passwordAgain',
    label: 'register.passwordAgain',
    required: true,
    type: 'password',
    autoComplete: 'new-password',
  },
];

const contact: RegistrationField[] = [
  {
    pointer: '/phone',
    label: 'register.phone',
    required: true,
    type: 'tel',
    autoComplete: 'tel',
    inputMode: 'tel',
    hint: 'register.recoveryHint',
  },
  {
    pointer: '/email',
    label: 'register.email',
    required: true,
    type: 'email',
    autoComplete: 'email',
    hint: 'register.recoveryHint',
  },
];

const address: RegistrationField[] = [
  { pointer: '/profile/address', label: 'register.address', required: false },
  {
    pointer: '/profile/postalCode',
    label: 'register.postalCode',
    required: false,
    inputMode: 'numeric',
    autoComplete: 'postal-code',
  },
];

const profiles: Record<ApplicantKind, RegistrationField[]> = {
  individual: [
    {
      pointer: '/profile/realName',
      label: 'register.realName',
      required: true,
      autoComplete: 'name',
    },
    {
      pointer: '/profile/idNumber',
      label: 'register.idNumber',
      required: true,
      hint: 'register.idNumberHint',
    },
  ],
  enterprise: [
    {
      pointer: '/profile/enterpriseName',
      label: 'register.enterpriseName',
      required: true,
      autoComplete: 'organization',
    },
    {
      pointer: '/profile/creditCode',
      label: 'register.creditCode',
      required: true,
      hint: 'register.creditCodeHint',
    },
    {
      pointer: '/profile/legalRepresentative',
      label: 'register.legalRepresentative',
      required: true,
    },
    { pointer: '/profile/contactName', label: 'register.contactName', required: true },
    {
      pointer: '/profile/contactPhone',
      label: 'register.contactPhone',
      required: false,
      type: 'tel',
      inputMode: 'tel',
    },
  ],
};

/** The fields of a registration of this kind, in the order the form shows them. */
export function registrationFields(kind: ApplicantKind): RegistrationField[] {
  return [...account, ...profiles[kind], ...address, ...contact];
}

/** The id of the input of a pointer: `/profile/creditCode` → `register-profile-creditCode`. */
export function fieldIdOf(pointer: string): string {
  return `register${pointer.replace(/\//g, '-')}`;
}

/** The request body from the values by pointer: the profile gathered, empty optionals left out. */
export function registrationBody(kind: ApplicantKind, values: Record<string, string>) {
  const profile: Record<string, string> = {};
  const body: Record<string, unknown> = { kind, profile };
  for (const field of registrationFields(kind)) {
    const value =
      field.type === 'password'
        ? (values[field.pointer] ?? '')
        : (values[field.pointer] ?? '').trim();
    if (field.pointer === '/passwordAgain' || (!field.required && !value)) continue;
    const [, first, second] = field.pointer.split('/');
    if (first === 'profile' && second) profile[second] = value;
    else if (first) body[first] = value;
  }
  return body;
}
