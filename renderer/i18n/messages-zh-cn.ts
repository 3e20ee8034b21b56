/**
 * The portal's own strings in Chinese, the default language. Keys are grouped by page with a
 * dot; `{name}` marks a parameter. Every key must also be in messages-en.ts.
 */
export const zhCN = {
  'site.name': '网上办事大厅',
  'site.skipToContent': '跳到主要内容',
  'nav.home': '首页',
  'nav.workstation': '我的工作台',
  'nav.handle': '我要办理',
  'nav.intro': '业务介绍',
  'nav.faq': '常见问题',
  'nav.downloads': '下载专区',
  'nav.login': '登录',
  'nav.register': '注册',
  'nav.logout': '退出',
  'nav.language': 'English',
  'common.loading': '正在加载…',
  'common.save': '保存',
  'common.cancel': '取消',
  'common.submit': '提交',
  'common.back': '返回',
  'common.next': '下一步',
  'common.previous': '上一步',
  'common.required': '必填',
  'common.errorSummary': '请修改以下问题',
  'common.notFound': '页面不存在',
} as const;
