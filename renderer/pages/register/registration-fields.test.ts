import { fieldIdOf, registrationBody, registrationFields } from './registration-fields';

describe('the registration form', () => {
  it('asks an enterprise for its name, credit code, representative and contact', () => {
    const required = registrationFields('enterprise')
      .filter((field) => field.required)
      .map((field) => field.pointer);
    expect(required).toEqual([
      '/username',
      '/password',
      '/passwordAgain',
      '/profile/enterpriseName',
      '/profile/creditCode',
      '/profile/legalRepresentative',
      '/profile/contactName',
      '/phone',
      '/email',
    ]);
  });

  it('sends the profile gathered, trimmed, without the second password or empty optionals', () => {
    const body = registrationBody('individual', {
      '/username': ' zhangming ',
      '/password': ' Pass word-1 ',
      '/passwordAgain': ' Pass word-1 ',
      '/profile/realName': '张明',
      '/profile/idNumber': '110105198509171232',
      '/profile/address': '',
      '/phone': '13800138000',
      '/email': 'zm@example.test',
    });
    expect(body).toEqual({
      kind: 'individual',
      username: 'zhangming',
      password: ' Pass word-1 ',
      phone: '13800138000',
      email: 'zm@example.test',
      profile: { realName: '张明', idNumber: '110105198509171232' },
    });
  });

  it('names each input after the pointer the portal reports its errors at', () => {
    expect(fieldIdOf('/profile/creditCode')).toBe('register-profile-creditCode');
  });
});
