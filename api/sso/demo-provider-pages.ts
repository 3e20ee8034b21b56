import { demoIdentities } from './demo-identities';

/**
 * The demo provider's own pages, server-rendered, in Chinese with English: login, consent,
 * logout and errors. Every value from outside is escaped.
 */

export interface LoginPage {
  action: string;
  abortAction: string;
  clientName: string;
  username?: string;
  error?: boolean;
}

export interface ConsentPage {
  action: string;
  abortAction: string;
  clientName: string;
  accountName: string;
  scopes: string[];
}

const scopeLabels: Record<string, string> = {
  openid: '用户标识 <span lang="en">Your identifier</span>',
  profile: '姓名、用户名、身份证号 <span lang="en">Name, username, resident ID number</span>',
};

export function loginPage(page: LoginPage): string {
  const error = page.error
    ? `<p class="error" role="alert" id="login-error">用户名或密码错误
       <span lang="en">The username or password is wrong.</span></p>`
    : '';
  const describedBy = page.error ? ' aria-describedby="login-error"' : '';
  return layout(
    '登录 Log in',
    `<p>登录后将返回 <strong>${escape(page.clientName)}</strong>
     <span lang="en">You will return to ${escape(page.clientName)} after logging in.</span></p>
    ${error}
    <form method="post" action="${escape(page.action)}">
      <label for="username">用户名 <span lang="en">Username</span></label>
      <input id="username" name="username" autocomplete="username" required autofocus
        value="${escape(page.username ?? '')}"${describedBy}>
      <label for="password">密码 <span lang="en">Password</span></label>
      <input id="password" name="password" type="password" autocomplete="current-password"
        required${describedBy}>
      <button type="submit">登录 <span lang="en">Log in</span></button>
    </form>
    ${abortForm(page.abortAction)}
    <section aria-labelledby="demo-users">
      <h2 id="demo-users">演示用户 <span lang="en">Demo users</span></h2>
      <ul>${demoIdentities.map(demoUser).join('')}</ul>
    </section>`,
  );
}

export function consentPage(page: ConsentPage): string {
  const items = page.scopes.map((scope) => `<li>${scopeLabels[scope] ?? escape(scope)}</li>`);
  return layout(
    '授权 Consent',
    `<p>${escape(page.accountName)}，<strong>${escape(page.clientName)}</strong> 请求获取您的以下信息：
     <span lang="en">${escape(page.clientName)} asks for the following about you:</span></p>
    <ul>${items.join('')}</ul>
    <form method="post" action="${escape(page.action)}">
      <button type="submit">同意并继续 <span lang="en">Allow and continue</span></button>
    </form>
    ${abortForm(page.abortAction)}`,
  );
}

/** oidc-provider's logout confirmation; `form` is its hidden form, which the buttons submit. */
export function logoutPage(form: string): string {
  return layout(
    '退出 Log out',
    `<p>是否同时退出统一身份认证？ <span lang="en">Log out of the unified identity too?</span></p>
    ${form}
    <button type="submit" form="op.logoutForm" name="logout" value="yes" autofocus>
      退出 <span lang="en">Log out</span></button>
    <button type="submit" form="op.logoutForm" class="secondary">
      保持登录 <span lang="en">Stay logged in</span></button>`,
  );
}

export function loggedOutPage(): string {
  return layout(
    '已退出 Logged out',
    `<p role="status">您已退出统一身份认证。 <span lang="en">You are logged out.</span></p>`,
  );
}

export function errorPage(out: Record<string, string>): string {
  const lines = Object.entries(out).map(
    ([key, value]) => `<dt>${escape(key)}</dt><dd>${escape(value)}</dd>`,
  );
  return layout(
    '出错了 Something went wrong',
    `<p role="alert">请求无法完成，请返回门户重新登录。
     <span lang="en">The request could not be completed; go back to the portal and log in
     again.</span></p>
    <dl>${lines.join('')}</dl>`,
  );
}

function abortForm(action: string): string {
  return `<form method="post" action="${escape(action)}">
      <button type="submit" class="secondary">取消 <span lang="en">Cancel</span></button>
    </form>`;
}

function demoUser(identity: (typeof demoIdentities)[number]): string {
  const id = identity.idNumber ? `，身份证号 ${identity.idNumber}` : '，无身份证号';
  return `<li><code>${escape(identity.username)}</code> ${escape(identity.name)}${escape(id)}，
    密码 <code>${escape(identity.password)}</code></li>`;
}

function layout(title: string, body: string): string {
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)} · 统一身份认证（演示）</title>
<style>
body{font-family:system-ui,"Microsoft YaHei",sans-serif;max-width:30rem;margin:2rem auto;
padding:0 1rem;line-height:1.6;color:#1a1a1a}
header{border-bottom:2px solid #b3261e;margin-bottom:1rem}
label{display:block;margin-top:.75rem;font-weight:600}
input{display:block;width:100%;box-sizing:border-box;padding:.5rem;font-size:1rem}
button{margin-top:1rem;padding:.5rem 1.25rem;font-size:1rem;background:#b3261e;color:#fff;
border:0;border-radius:4px;cursor:pointer}
button.secondary{background:#fff;color:#1a1a1a;border:1px solid #767676}
.error{color:#b3261e;font-weight:600}
:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
</style>
</head>
<body>
<header>
<p>市网厅统一认证（演示） <span lang="en">City unified identity (demo)</span></p>
</header>
<main>
<h1>${escape(title)}</h1>
${body}
</main>
<footer><p><small>演示身份提供方，仅供本机试用。
<span lang="en">A demo provider for trying the portal on one machine.</span></small></p></footer>
</body>
</html>`;
}

function escape(value: string): string {
  return value
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
