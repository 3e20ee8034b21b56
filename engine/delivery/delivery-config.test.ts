import { resolve } from 'node:path';
import { DeliveryConfigError, defaultMailFrom, deliveryConfigFromEnv } from './delivery-config';

function refusalOf(env: NodeJS.ProcessEnv): DeliveryConfigError {
  try {
    deliveryConfigFromEnv(env);
  } catch (error) {
    if (error instanceof DeliveryConfigError) return error;
    throw error;
  }
  throw new Error('expected the configuration to be refused');
}

describe('deliveryConfigFromEnv', () => {
  it('defaults to files in ./data and a local sender', () => {
    expect(deliveryConfigFromEnv({})).toEqual({
      dataDir: resolve('data'),
      smtpUrl: undefined,
      smsWebhookUrl: undefined,
      mailFrom: defaultMailFrom,
    });
  });

  it('takes SMTP, the SMS gateway, the sender and the data folder from the environment', () => {
    const config = deliveryConfigFromEnv({
      SMTP_URL: 'smtps://user:secret@mail.example.cn:465',
      SMS_WEBHOOK_URL: 'https://sms.example.cn/send',
      MAIL_FROM: '政务服务 <noreply@gov.example.cn>',
      DATA_DIR: '/var/lib/matterflow',
    });
    expect(config).toEqual({
      dataDir: '/var/lib/matterflow',
      smtpUrl: 'smtps://user:secret@mail.example.cn:465',
      smsWebhookUrl: 'https://sms.example.cn/send',
      mailFrom: '政务服务 <noreply@gov.example.cn>',
    });
  });

  it.each([
    ['SMTP_URL', 'not a url', /not a URL.*smtp:\/\/127\.0\.0\.1:2525/],
    ['SMTP_URL', 'http://mail.example.cn', /must be a smtp: or smtps: URL/],
    ['SMS_WEBHOOK_URL', 'ftp://sms.example.cn', /must be a http: or https: URL/],
    ['MAIL_FROM', 'nobody', /not a mail address/],
  ])(
    'stops start-up on a malformed %s (%s) naming the variable and the fix',
    (variable, value, message) => {
      const error = refusalOf({ [variable]: value });
      expect(error).toMatchObject({ code: 'delivery_config_invalid', variable });
      expect(error.message).toContain(variable);
      expect(error.message).toMatch(message);
    },
  );

  it('never repeats a password from a URL in its message', () => {
    const error = refusalOf({ SMTP_URL: 'http://user:hunter2@mail.example.cn' });
    expect(error.message).not.toContain('hunter2');
  });
});
