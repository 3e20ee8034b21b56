import type { zhCN } from './messages-zh-cn';

/** The portal's own strings in English; the keys are those of the Chinese catalogue. */
export const en: Record<keyof typeof zhCN, string> = {
  'site.name': 'Online Service Hall',
  'site.skipToContent': 'Skip to main content',
  'nav.home': 'Home',
  'nav.workstation': 'My workstation',
  'nav.handle': 'Start a matter',
  'nav.intro': 'Business introduction',
  'nav.faq': 'FAQ',
  'nav.downloads': 'Downloads',
  'nav.login': 'Log in',
  'nav.register': 'Register',
  'nav.logout': 'Log out',
  'nav.language': '中文',
  'common.loading': 'Loading…',
  'common.save': 'Save',
  'common.cancel': 'Cancel',
  'common.submit': 'Submit',
  'common.back': 'Back',
  'common.next': 'Next',
  'common.previous': 'Previous',
  'common.required': 'required',
  'common.errorSummary': 'There is a problem',
  'common.notFound': 'Page not found',
};
