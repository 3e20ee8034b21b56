import type { Locale } from '../../definitions/matter-definition';
import { EngineError, type ErrorDetail } from '../../engine/engine-error';
import { HttpError } from '../http/http-error';

/**
 * The portal's messages in Chinese, by error code. The engine words its messages in English for
 * logs and scripts; a code missing here keeps that English text in either language.
 */
const chineseMessages: Record<string, string> = {
  account_not_found: '用户不存在',
  captcha_invalid: '验证码错误或已失效，请重新获取',
  channel_unavailable: '该账号未登记此验证方式',
  code_attempts_exceeded: '验证码错误次数过多，请重新找回密码',
  code_expired: '验证码已过期，请重新获取',
  code_invalid: '验证码错误',
  code_not_sent: '请先获取验证码',
  code_throttled: '验证码发送过于频繁，请稍后再试',
  csrf_token_invalid: '页面已过期，请刷新后重试',
  invalid_credentials: '用户名或密码错误',
  invalid_fields: '部分信息填写有误，请按提示修改',
  locked: '登录失败次数过多，请稍后再试',
  not_found: '请求的地址不存在',
  not_logged_in: '请先登录',
  recovery_closed: '本次找回密码已完成，请重新开始',
  recovery_not_found: '找回密码流程不存在或已过期，请重新开始',
  reset_token_invalid: '重置凭证无效或已过期，请重新找回密码',
  role_required: '您的账号无权进行此操作',
  username_taken: '用户名已被注册',
  sso_callback_replayed: '该次统一认证登录已完成，请重新登录',
  sso_login_expired: '统一认证登录等待时间过长，请重新登录',
  sso_nonce_mismatch: '统一认证返回的身份凭证与本次登录不符，请重新登录',
  sso_provider_error: '统一认证未完成登录，请重新登录',
  sso_state_mismatch: '登录请求无效或不是从本浏览器发起的，请重新登录',
  sso_token_exchange_failed: '统一认证登录校验失败，请重新登录',
  sso_unavailable: '统一认证服务暂时无法访问，请稍后再试或使用其他方式登录',
  application_forbidden: '您无权查看或办理此申请',
  application_not_found: '申请不存在',
  applicant_only: '只有申请人可以进行此操作',
  applicant_type_not_allowed: '该事项不面向您的用户类型',
  attachment_not_found: '附件不存在',
  attachment_unknown: '文件不是上传到本申请的，请重新上传',
  certificate_login_required: '办理该事项需要使用 CA 数字证书登录',
  comment_required: '请填写意见',
  corrections_invalid: '补正项有误',
  corrections_required: '请列出需要补正的字段',
  data_invalid: '部分字段的类型或格式不正确',
  document_not_found: '文书不存在',
  event_not_allowed: '当前状态下不能进行此操作',
  actor_not_allowed: '您无权进行此操作',
  file_empty: '文件是空的',
  file_required: '请选择要上传的文件',
  file_too_large: '文件超过大小限制',
  file_type_not_allowed: '不支持该文件类型',
  form_incomplete: '表单尚未填写完整，请按提示修改后再提交',
  material_required: '请先注明材料（materialId），再附上文件',
  material_unknown: '该事项不需要此材料',
  matter_not_covered: '您不负责该事项',
  matter_not_found: '事项不存在或尚未发布',
  multipart_invalid: '上传内容格式不正确',
  not_editable: '当前状态下不能修改申请',
  too_many_files: '一次只能上传一个文件',
  unknown_field: '上传内容含有无法识别的字段',
  version_conflict: '申请已被更新，请刷新后重试',
  state_conflict: '申请状态已变化，请刷新后重试',
  file_content_mismatch: '文件内容与其声明的类型不符，请上传原始文件',
  binding_token_invalid: '绑定凭证无效或已过期，请重新登录后再绑定',
  identity_already_bound: '该身份已绑定其他账号',
  identity_mismatch: '该身份的证件号码与账号登记的不一致',
  identity_not_found: '未找到该绑定',
  category_not_found: '分类不存在',
  download_category_unknown: '下载分类不存在',
  download_not_found: '下载文件不存在',
  definition_invalid: '事项定义未通过检查，请按提示修改',
  matter_version_not_found: '事项版本不存在',
  body_too_large: '提交的内容过大',
  malformed_request: '请求格式不正确',
  method_not_allowed: '该地址不支持此请求方法',
  unsupported_media_type: '不支持该内容类型',
  session_store_unavailable: '会话服务暂时无法访问，请稍后再试',
  local_only: '该接口只供本机的命令行工具使用',
  current_password_wrong: '当前密码错误',
};

/** The same error with its message and each detail's message in the request's language. */
export function localizeError(error: unknown, locale: Locale): unknown {
  if (error instanceof EngineError) {
    const message = translate(error.code, error.message, locale);
    const details = localizeDetails(error.details, locale);
    return new EngineError(error.kind, error.code, message, details, error.retryable);
  }
  if (error instanceof HttpError) {
    const message = translate(error.code, error.message, locale);
    const details = localizeDetails(error.details, locale);
    return new HttpError(error.status, error.code, message, details, error.headers);
  }
  return error;
}

function localizeDetails(details: ErrorDetail[], locale: Locale): ErrorDetail[] {
  return details.map((detail) => ({
    ...detail,
    message: detail.messages?.[locale] ?? translate(detail.code, detail.message, locale),
  }));
}

function translate(code: string, message: string, locale: Locale): string {
  return locale === 'zh-CN' ? (chineseMessages[code] ?? message) : message;
}
