import type { Locale } from '../i18n/i18n';

type Label = Record<Locale, string>;

/**
 * What each lint rule checks, in a few words of both languages: the linter's own messages are
 * English (they go to editors, CI logs and SARIF), so the console names the rule in the page's
 * language beside them. A test holds this list to the linter's rules.
 */
export const lintRuleTitles: Readonly<Record<string, Label>> = {
  'json-syntax': { 'zh-CN': 'JSON 语法错误', en: 'JSON syntax error' },
  'json-too-deep': { 'zh-CN': 'JSON 嵌套过深', en: 'JSON nested too deep' },
  'file-too-large': { 'zh-CN': '文件过大', en: 'File too large' },
  'file-not-text': { 'zh-CN': '文件不是文本', en: 'File is not text' },
  'missing-part': { 'zh-CN': '缺少定义的组成部分', en: 'A part of the definition is missing' },
  'bundle-shape': { 'zh-CN': '定义包结构不正确', en: 'Bundle is not well formed' },
  'matter-schema': { 'zh-CN': 'matter.json 不符合规范', en: 'matter.json breaks its schema' },
  'matter-duplicate-id': { 'zh-CN': '事项编号与版本重复', en: 'Matter id and version repeated' },
  'matter-id-mismatch': {
    'zh-CN': '流程编号与事项编号不符',
    en: 'Workflow id is not the matter id',
  },
  'material-not-asked': { 'zh-CN': '材料未在表单中提交', en: 'Material not asked in the form' },
  'material-unknown': { 'zh-CN': '表单引用了未声明的材料', en: 'Form names an unknown material' },
  'form-schema-invalid': { 'zh-CN': '表单结构无效', en: 'Form schema is invalid' },
  'form-schema-circular-ref': { 'zh-CN': '表单结构循环引用', en: 'Form schema refers to itself' },
  'form-schema-unresolved-ref': { 'zh-CN': '表单结构引用不存在', en: 'Form schema ref not found' },
  'form-required-unknown': { 'zh-CN': '必填项不是表单字段', en: 'Required name is no field' },
  'ui-schema-shape': { 'zh-CN': '界面配置结构不正确', en: 'uiSchema is not well formed' },
  'ui-unknown-field': { 'zh-CN': '界面配置引用了未知字段', en: 'uiSchema names an unknown field' },
  'ui-steps-shape': { 'zh-CN': '分步配置结构不正确', en: 'ui:steps is not well formed' },
  'ui-step-duplicate-field': { 'zh-CN': '字段出现在多个步骤中', en: 'Field in more than one step' },
  'ui-step-missing-field': { 'zh-CN': '字段不属于任何步骤', en: 'Field in no step' },
  'workflow-schema': { 'zh-CN': 'workflow.json 不符合规范', en: 'workflow.json breaks its schema' },
  'workflow-unknown-state': {
    'zh-CN': '转换指向不存在的状态',
    en: 'Transition to an unknown state',
  },
  'workflow-unreachable-state': { 'zh-CN': '状态无法到达', en: 'State cannot be reached' },
  'workflow-dead-end': { 'zh-CN': '非终止状态无法离开', en: 'State without a way out' },
  'workflow-no-final-state': { 'zh-CN': '流程没有终止状态', en: 'Workflow has no final state' },
  'workflow-state-meta': { 'zh-CN': '状态缺少分类或名称', en: 'State meta missing or wrong' },
  'workflow-final-state-transitions': {
    'zh-CN': '终止状态仍有转换',
    en: 'Final state has transitions',
  },
  'workflow-final-state-edits': {
    'zh-CN': '终止状态仍允许申请人修改',
    en: 'Final state lets the applicant edit',
  },
  'workflow-transition-sender': {
    'zh-CN': '转换的操作人未声明或未知',
    en: 'Transition sender missing or unknown',
  },
  'workflow-bad-delay': { 'zh-CN': '时限格式不正确', en: 'Delay is not an ISO 8601 duration' },
  'workflow-unknown-guard': { 'zh-CN': '未知的条件类型', en: 'Unknown guard type' },
  'workflow-unknown-action': { 'zh-CN': '未知的动作类型', en: 'Unknown action type' },
  'workflow-bad-params': { 'zh-CN': '条件或动作参数不正确', en: 'Guard or action params wrong' },
  'workflow-unknown-template': {
    'zh-CN': '动作引用了不存在的模板',
    en: 'Action names no template',
  },
  'workflow-unknown-deadline': {
    'zh-CN': '清除了未设置的办理时限',
    en: 'Clears a deadline never set',
  },
  'template-syntax': { 'zh-CN': '模板语法错误', en: 'Template syntax error' },
  'template-unknown-field': {
    'zh-CN': '模板引用了不存在的表单字段',
    en: 'Template names an unknown field',
  },
  'template-unknown-variable': {
    'zh-CN': '模板引用了未知变量',
    en: 'Template names an unknown value',
  },
};
