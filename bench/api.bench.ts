/**
 * `npm run bench:api`: the portal API under load on real PostgreSQL, side by side with a bare
 * Koa route issuing the same SQL directly. Prints requests per second and p99 latency for login,
 * the workstation list, saving a draft and submitting, at 50 connections.
 */
import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { apiConfigFromEnv } from '../api/api-config';
import { startPortal } from '../api/portal';
import { routeModules } from '../api/route-modules';
import { createAccount } from '../engine/accounts/account';
import { createSession } from '../engine/accounts/session-store';
import { startApplication } from '../engine/applications/start-application';
import type { Database } from '../engine/database/database';
import type { EngineActor } from '../engine/engine-context';
import { createLogger } from '../engine/logger';
import { enterpriseContact, saveSample } from '../test/support/engine-fixture';
import { createTestDatabase } from '../test/support/test-database';
import { createBareServer } from './bare-koa-server';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const matterId = 'commercial-entity-establishment';
const password = 'Bench-pass-2026';

interface Applicant {
  actor: EngineActor;
  username: string;
  cookie: string;
  csrf: string;
  draftId: string;
}

interface Scenario {
  name: string;
  ours: Partial<autocannon.Options>;
  bare: Partial<autocannon.Options>;
}

async function main(): Promise<void> {
  const test = await createTestDatabase('postgres');
  const env = {
    ...process.env,
    DATABASE_URL: test.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'matterflow-bench-')),
    CAPTCHA: 'off',
    PORT: '0',
    LOG_LEVEL: 'silent',
  };
  const logger = createLogger({ level: 'silent' });
  const portal = await startPortal({
    env,
    apiConfig: apiConfigFromEnv(env),
    modules: routeModules,
    logger,
  });
  const bare = await listen(createBareServer(portal.runtime.database));
  try {
    console.log(`setting up: ${connections} applicants with sessions and drafts, submit drafts…`);
    const applicants = await createApplicants(
      portal.runtime.database,
      portal.runtime.context,
      connections,
    );
    const submitDrafts = await cloneDrafts(portal.runtime.database, applicants, 6000);
    const results = [];
    for (const scenario of scenarios(applicants, submitDrafts)) {
      results.push(await compare(scenario, portal.url, bare.url));
    }
    printTable(results);
  } finally {
    bare.server.closeAllConnections();
    bare.server.close();
    await portal.stop();
    await test.drop();
  }
}

function scenarios(applicants: Applicant[], drafts: Map<string, string[]>): Scenario[] {
  const byConnection = (context: { i?: number }, counter: { next: number }) => {
    context.i ??= counter.next++ % applicants.length;
    return applicants[context.i] as Applicant;
  };
  const loginCounter = { next: 0 };
  const listCounter = { next: 0 };
  const draftCounter = { next: 0 };
  const submitCounter = { next: 0 };
  const versions = new Map<string, number>();
  return [
    {
      name: 'login',
      ours: loginRequest('/api/auth/login', applicants, loginCounter),
      bare: loginRequest('/bare/login', applicants, { next: 0 }),
    },
    {
      name: 'workstation list',
      ours: withApplicant(listCounter, (a) => listRequest('/api', a)),
      bare: withApplicant({ next: 0 }, (a) => listRequest('/bare', a)),
    },
    {
      name: 'save draft',
      ours: withApplicant(draftCounter, (a) =>
        saveRequest(`/api/applications/${a.draftId}/data`, a, versions),
      ),
      bare: withApplicant({ next: 0 }, (a) =>
        saveRequest(`/bare/applications/${a.draftId}/data`, a, versions),
      ),
    },
    {
      name: 'submit',
      ours: withApplicant(submitCounter, (a) => submitRequest('/api', a, drafts)),
      bare: withApplicant({ next: 0 }, (a) => submitRequest('/bare', a, drafts)),
    },
  ];

  function withApplicant(
    counter: { next: number },
    build: (a: Applicant) => autocannon.Request,
  ): Partial<autocannon.Options> {
    return {
      initialContext: {},
      requests: [
        {
          setupRequest: (request, context) => ({
            ...request,
            ...build(byConnection(context, counter)),
          }),
        },
      ],
    };
  }
}

function loginRequest(
  path: string,
  applicants: Applicant[],
  counter: { next: number },
): Partial<autocannon.Options> {
  return {
    requests: [
      {
        method: 'POST',
        path,
        setupRequest: (request) => {
          const applicant = applicants[counter.next++ % applicants.length] as Applicant;
          return {
            ...request,
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({
              username: applicant.username,
              password,
              captchaId: 'off',
              captchaAnswer: 'off',
            }),
          };
        },
      },
    ],
  };
}

function listRequest(prefix: string, applicant: Applicant): autocannon.Request {
  return {
    method: 'GET',
    path: `${prefix}/applications?category=draft`,
    headers: { cookie: applicant.cookie },
  };
}

function saveRequest(
  path: string,
  applicant: Applicant,
  versions: Map<string, number>,
): autocannon.Request {
  const key = `${path.split('/')[1]}:${applicant.draftId}`;
  const version = versions.get(key) ?? 2;
  versions.set(key, version + 1);
  return {
    method: 'PUT',
    path,
    headers: {
      cookie: applicant.cookie,
      'x-csrf-token': applicant.csrf,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ version, data: { companyName: `深圳市基准测试${version}有限公司` } }),
  };
}

function submitRequest(
  prefix: string,
  applicant: Applicant,
  drafts: Map<string, string[]>,
): autocannon.Request {
  const pool = drafts.get(`${prefix}:${applicant.actor.id}`) ?? [];
  const id = pool.pop() ?? applicant.draftId;
  return {
    method: 'POST',
    path: `${prefix}/applications/${id}/events`,
    headers: {
      cookie: applicant.cookie,
      'x-csrf-token': applicant.csrf,
      'content-type': 'application/json',
    },
    body: JSON.stringify({ type: 'SUBMIT' }),
  };
}

async function createApplicants(
  database: Database,
  context: Parameters<typeof startApplication>[0],
  count: number,
) {
  const applicants: Applicant[] = [];
  for (let i = 0; i < count; i++) {
    const username = `bench${i}`;
    const account = await createAccount(database, {
      username,
      password,
      kind: 'enterprise',
      displayName: `企业${i}`,
    });
    const { sid, session } = await createSession(database, account.id, 'password');
    const actor: EngineActor = {
      id: account.id,
      kind: 'applicant',
      applicantType: 'enterprise',
      authLevel: 'password',
    };
    const draft = await startApplication(context, {
      matterId,
      applicant: actor,
      contact: enterpriseContact,
    });
    await saveSample(context, draft.id, matterId, actor);
    applicants.push({
      actor,
      username,
      cookie: `sid=${sid}`,
      csrf: session.csrfToken,
      draftId: draft.id,
    });
  }
  return applicants;
}

/** Copies each applicant's complete draft, with its attachments, for the submit runs. */
async function cloneDrafts(database: Database, applicants: Applicant[], total: number) {
  const pools = new Map<string, string[]>();
  const perApplicant = Math.ceil(total / applicants.length);
  for (const applicant of applicants) {
    const draft = await database('applications').where({ id: applicant.draftId }).first();
    const attachments = await database('attachments').where({ application_id: draft.id });
    for (const prefix of ['/api', '/bare']) {
      const rows = Array.from({ length: perApplicant }, () => ({
        ...draft,
        id: randomUUID(),
        reference: `B${randomUUID().slice(0, 17)}`,
      }));
      for (let i = 0; i < rows.length; i += 500) {
        await database('applications').insert(rows.slice(i, i + 500).map(asInsert));
      }
      const files = rows.flatMap((row) =>
        attachments.map((a: Record<string, unknown>) => ({ ...a, application_id: row.id })),
      );
      for (let i = 0; i < files.length; i += 1000)
        await database('attachments').insert(files.slice(i, i + 1000));
      pools.set(
        `${prefix}:${applicant.actor.id}`,
        rows.map((row) => row.id),
      );
    }
  }
  return pools;
}

function asInsert(row: Record<string, unknown>) {
  return {
    ...row,
    snapshot: JSON.stringify(row.snapshot),
    data: JSON.stringify(row.data),
    applicant: JSON.stringify(row.applicant),
    corrections: row.corrections ? JSON.stringify(row.corrections) : null,
  };
}

async function compare(scenario: Scenario, oursUrl: string, bareUrl: string) {
  const ours = await load(oursUrl, scenario.ours);
  const bare = await load(bareUrl, scenario.bare);
  return { name: scenario.name, ours, bare };
}

async function load(url: string, options: Partial<autocannon.Options>) {
  const result = await autocannon({ url, connections, duration: seconds, ...options });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

function printTable(rows: Awaited<ReturnType<typeof compare>>[]): void {
  console.log(
    `\nportal API vs bare Koa + same SQL, PostgreSQL, ${connections} connections, ${seconds} s each`,
  );
  console.log(
    'scenario          ours req/s  ours p99 ms  bare req/s  bare p99 ms  ours/bare  non-2xx ours/bare',
  );
  for (const { name, ours, bare } of rows) {
    const ratio = bare.rps > 0 ? (ours.rps / bare.rps).toFixed(2) : '-';
    console.log(
      [
        name.padEnd(16),
        ours.rps.toFixed(0).padStart(11),
        String(ours.p99).padStart(12),
        bare.rps.toFixed(0).padStart(11),
        String(bare.p99).padStart(12),
        ratio.padStart(10),
        `${ours.non2xx + ours.errors}/${bare.non2xx + bare.errors}`.padStart(18),
      ].join(' '),
    );
  }
}

async function listen(app: { listen(port: number): Server }) {
  const server = app.listen(0);
  await once(server, 'listening');
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
