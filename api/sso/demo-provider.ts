import { generateKeyPairSync, randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context, Middleware } from 'koa';
import type { Configuration, Interaction, InteractionResults, Provider } from 'oidc-provider';
import type { Logger } from '../../engine/logger';
import { checkDemoIdentity, demoIdentities } from './demo-identities';
import {
  consentPage,
  errorPage,
  loggedOutPage,
  loginPage,
  logoutPage,
} from './demo-provider-pages';
import { demoProviderStore } from './demo-provider-store';

/** The portal as the demo provider knows it: a confidential client, registered statically. */
export interface DemoClient {
  clientId: string;
  clientSecret: string;
  redirectUri: string;
  postLogoutRedirectUri: string;
}

export interface DemoProviderOptions {
  /** E.g. `http://localhost:3000/oidc`; its path is where the provider answers. */
  issuer: string;
  client: DemoClient;
  logger: Logger;
  /** Builds its URLs from X-Forwarded-* (TRUST_PROXY), as the portal does. */
  trustProxy?: boolean;
}

/** A running demo provider, to be served under its mount path by the portal's HTTP server. */
export interface DemoProvider {
  issuer: string;
  /** The path prefix it answers under, e.g. `/oidc`. */
  mountPath: string;
  /** Answers a request whose path is under `mountPath`. */
  handle(req: IncomingMessage, res: ServerResponse): void;
}

export const demoClientName = '公共服务门户 Matterflow';

/** How long the steps of a demo login and what they give last, in seconds. */
const lifetimes = {
  AccessToken: 10 * 60,
  AuthorizationCode: 60,
  IdToken: 10 * 60,
  Interaction: 10 * 60,
  Session: 60 * 60,
  Grant: 60 * 60,
};

/**
 * An OpenID Connect provider (oidc-provider) with the demo identities, for trying unified
 * identity login on one machine: its own login and consent pages, keys and state in memory
 * (new at every start), PKCE required, the portal registered as its only client. Not for
 * production: it stands in for the city's provider.
 *
 * @example
 * const demo = await createDemoProvider({ issuer: 'http://localhost:3000/oidc', client, logger });
 * if (req.url.startsWith(demo.mountPath + '/')) demo.handle(req, res);
 */
export async function createDemoProvider(options: DemoProviderOptions): Promise<DemoProvider> {
  // Loaded on demand: a portal with a configured provider never needs it.
  const { Provider } = await import('oidc-provider');
  const mountPath = new URL(options.issuer).pathname.replace(/\/$/, '');
  const provider = new Provider(options.issuer, configuration(options, mountPath));
  provider.proxy = options.trustProxy ?? false;
  provider.use(interactionPages(provider, mountPath, options.logger));
  const callback = provider.callback();
  return {
    issuer: options.issuer,
    mountPath,
    handle(req, res) {
      // As a mounting framework would: the provider builds its URLs from what was cut off.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = req.url;
      req.url = (req.url ?? '/').slice(mountPath.length) || '/';
      void callback(req, res);
    },
  };
}

function configuration(options: DemoProviderOptions, mountPath: string): Configuration {
  const { client, logger } = options;
  return {
    adapter: demoProviderStore(),
    clients: [
      {
        client_id: client.clientId,
        client_secret: client.clientSecret,
        client_name: demoClientName,
        redirect_uris: [client.redirectUri],
        post_logout_redirect_uris: [client.postLogoutRedirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
      },
    ],
    claims: {
      acr: null,
      auth_time: null,
      sid: null,
      openid: ['sub'],
      profile: ['name', 'preferred_username', 'id_number'],
    },
    scopes: ['openid', 'profile'],
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    jwks: { keys: [signingKey()] },
    findAccount: async (_ctx, sub) => demoAccount(sub),
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: async (ctx, form) => html(ctx, logoutPage(form)),
        postLogoutSuccessSource: async (ctx) => html(ctx, loggedOutPage()),
      },
    },
    interactions: { url: async (_ctx, interaction) => interactionPath(mountPath, interaction) },
    pkce: { required: () => true },
    ttl: lifetimes,
    clientBasedCORS: () => false,
    renderError: async (ctx, out, error) => {
      logger.debug({ err: error, ...out }, 'demo provider refused a request');
      html(ctx, errorPage(out));
    },
  };
}

function demoAccount(sub: string) {
  const identity = demoIdentities.find((candidate) => candidate.username === sub);
  if (!identity) return undefined;
  const claims = {
    sub,
    name: identity.name,
    preferred_username: identity.username,
    ...(identity.idNumber && { id_number: identity.idNumber }),
  };
  return { accountId: sub, claims: async () => claims };
}

function signingKey(): object {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

function interactionPath(mountPath: string, interaction: Interaction): string {
  return `${mountPath}/interaction/${interaction.uid}`;
}

/**
 * The login and consent pages: `GET /interaction/UID` shows the step the provider asks for;
 * `POST .../login`, `.../confirm` and `.../abort` answer it and send the browser back to the
 * provider. Cancelling ends the login with `access_denied` at the portal's callback.
 */
function interactionPages(provider: Provider, mountPath: string, logger: Logger): Middleware {
  return async (ctx, next) => {
    const match = /^\/interaction\/([\w-]+)(?:\/(login|confirm|abort))?$/.exec(ctx.path);
    if (!match) return next();
    ctx.set('Cache-Control', 'no-store');
    const [, uid, step] = match;
    try {
      const interaction = await provider.interactionDetails(ctx.req, ctx.res);
      if (interaction.uid !== uid) throw new Error('the interaction cookie names another login');
      const page = { provider, interaction, path: interactionPath(mountPath, interaction) };
      await answerStep(ctx, page, step);
    } catch (error) {
      logger.debug({ err: error }, 'demo provider interaction refused');
      ctx.status = 400;
      html(ctx, errorPage({ error: 'login_session_invalid', error_description: message(error) }));
    }
  };
}

interface InteractionStep {
  provider: Provider;
  interaction: Interaction;
  /** The interaction's own path, under which its forms post. */
  path: string;
}

async function answerStep(
  ctx: Context,
  page: InteractionStep,
  step: string | undefined,
): Promise<void> {
  if (ctx.method === 'GET' && !step) return showStep(ctx, page);
  if (ctx.method !== 'POST' || !step) {
    ctx.status = 405;
    return html(ctx, errorPage({ error: 'method_not_allowed' }));
  }
  const form = await readForm(ctx.req);
  if (step === 'login') return logInStep(ctx, page, form);
  if (step === 'confirm') return confirmStep(ctx, page);
  await finishWith(ctx, page.provider, {
    error: 'access_denied',
    error_description: 'the person cancelled the login',
  });
}

function showStep(ctx: Context, { interaction, path }: InteractionStep): void {
  const common = { abortAction: `${path}/abort`, clientName: demoClientName };
  if (interaction.prompt.name === 'login') {
    return html(ctx, loginPage({ ...common, action: `${path}/login` }));
  }
  const accountId = interaction.session?.accountId ?? '';
  const identity = demoIdentities.find((candidate) => candidate.username === accountId);
  const scopes = interaction.prompt.details.missingOIDCScope ?? [];
  const accountName = identity?.name ?? accountId;
  html(ctx, consentPage({ ...common, action: `${path}/confirm`, accountName, scopes }));
}

async function logInStep(
  ctx: Context,
  { provider, interaction, path }: InteractionStep,
  form: URLSearchParams,
): Promise<void> {
  if (interaction.prompt.name !== 'login') throw new Error('this step is not a login');
  const username = form.get('username') ?? '';
  const identity = checkDemoIdentity(username, form.get('password') ?? '');
  if (identity) return finishWith(ctx, provider, { login: { accountId: identity.username } });
  const common = { abortAction: `${path}/abort`, clientName: demoClientName };
  html(ctx, loginPage({ ...common, action: `${path}/login`, username, error: true }));
}

async function confirmStep(ctx: Context, { provider, interaction }: InteractionStep) {
  const { prompt, params, session } = interaction;
  if (prompt.name !== 'consent' || !session) throw new Error('nothing to consent to');
  const grant =
    (interaction.grantId && (await provider.Grant.find(interaction.grantId))) ||
    new provider.Grant({ accountId: session.accountId, clientId: String(params.client_id) });
  const { missingOIDCScope, missingOIDCClaims } = prompt.details;
  if (missingOIDCScope) grant.addOIDCScope(missingOIDCScope.join(' '));
  if (missingOIDCClaims) grant.addOIDCClaims(missingOIDCClaims);
  const grantId = await grant.save();
  await finishWith(ctx, provider, { consent: { grantId } });
}

/** Hands the step's result to the provider and sends the browser back to it. */
async function finishWith(
  ctx: Context,
  provider: Provider,
  result: InteractionResults,
): Promise<void> {
  const returnTo = await provider.interactionResult(ctx.req, ctx.res, result, {
    mergeWithLastSubmission: 'consent' in result,
  });
  ctx.status = 303;
  ctx.redirect(returnTo);
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error('the form is too large');
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
}

function html(ctx: Context, body: string): void {
  ctx.type = 'html';
  ctx.body = body;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
