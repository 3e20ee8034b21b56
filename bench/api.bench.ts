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
import { apiConfigFromEnv } from '../api/api-config';
import { startPortal } from '../api/portal';
import { routeModules } from '../api/route-modules';
import { createAccount } from '../engine/accounts/account';
import { startApplication } from '../engine/applications/start-application';
import type { Database } from '../engine/database/database';
import type { EngineActor } from '../engine/engine-context';
import { createLogger } from '../engine/logger';
import { enterpriseContact, saveSample } from '../test/support/engine-fixture';
import { createTestDatabase } from '../test/support/test-database';
import type { LoadApplicant, LoadResult, LoadRun } from './api-load';
import { createBareServer } from './bare-koa-server';
import { runLoadProcess } from './load-process';

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 5);
const matterId = 'commercial-entity-establishment';
const password = 'Bench-pass-2026';

interface Applicant extends LoadApplicant {
  actor: EngineActor;
}

interface Comparison {
  name: string;
  ours: LoadResult;
  bare: LoadResult;
}

const kinds: { kind: LoadRun['kind']; name: string }[] = [
  { kind: 'login', name: 'login' },
  { kind: 'list', name: 'workstation list' },
  { kind: 'save', name: 'save draft' },
  { kind: 'submit', name: 'submit' },
];

async function main(): Promise<void> {
  const test = await createTestDatabase('postgres');
  const env = {
    ...process.env,
    DATABASE_URL: test.url,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'matterflow-bench-')),
    CAPTCHA: 'off',
    // As in production, delivery runs in worker processes; this one only queues the jobs.
    REDIS_URL: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    QUEUE_PREFIX: `bench-${process.pid}`,
    PORT: '0',
  };
  const logger = createLogger({ level: 'silent' });
  const apiConfig = apiConfigFromEnv(env);
  const portal = await startPortal({ env, apiConfig, modules: routeModules, logger });
  const { database: runtimeDatabase, sessions } = portal.runtime.context;
  const bare = await listen(createBareServer(runtimeDatabase, sessions));
  try {
    const store = env.REDIS_URL ? 'Redis' : 'PostgreSQL';
    console.log(`setting up ${connections} applicants with sessions (${store}, both servers)…`);
    const { database, context } = portal.runtime;
    const applicants = await createApplicants(database, context, connections);
    const submitDrafts = await cloneDrafts(database, applicants, 6000);
    const results: Comparison[] = [];
    const only = process.env.BENCH_ONLY?.split(',');
    for (const { kind, name } of kinds.filter((k) => !only || only.includes(k.kind))) {
      const run = (url: string, prefix: LoadRun['prefix']) =>
        runLoad({
          kind,
          url,
          prefix,
          connections,
          seconds,
          password,
          applicants: applicants.map(({ actor: _actor, ...rest }) => rest),
          drafts: submitDrafts[prefix],
          versions: {},
        });
      const ours = await run(portal.url, '/api');
      await settle();
      const baseline = await run(bare.url, '/bare');
      await settle();
      results.push({ name, ours, bare: baseline });
    }
    printTable(results);
  } finally {
    bare.server.closeAllConnections();
    bare.server.close();
    await portal.stop();
    await test.drop();
  }
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
    const { sid, session } = await context.sessions.create(account.id, 'password');
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
      actorId: actor.id,
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
  const pools: Record<LoadRun['prefix'], Record<string, string[]>> = { '/api': {}, '/bare': {} };
  const perApplicant = Math.ceil(total / applicants.length);
  for (const applicant of applicants) {
    const draft = await database('applications').where({ id: applicant.draftId }).first();
    const attachments = await database('attachments').where({ application_id: draft.id });
    for (const prefix of ['/api', '/bare'] as const) {
      const clones = Array.from({ length: perApplicant }, () => cloneDraft(draft, attachments));
      const rows = clones.map((clone) => clone.application);
      for (let i = 0; i < rows.length; i += 500) {
        await database('applications').insert(rows.slice(i, i + 500).map(asInsert));
      }
      const files = clones.flatMap((clone) => clone.attachments);
      for (let i = 0; i < files.length; i += 1000) {
        await database('attachments').insert(files.slice(i, i + 1000));
      }
      pools[prefix][applicant.actor.id] = rows.map((row) => row.id);
    }
  }
  return pools;
}

/** A copy of a draft whose data names copies of its files, as if uploaded to it. */
function cloneDraft(draft: Record<string, unknown>, attachments: Record<string, unknown>[]) {
  const id = randomUUID();
  let data = JSON.stringify(draft.data);
  const copies = attachments.map((attachment) => {
    const copy = { ...attachment, id: randomUUID(), application_id: id };
    data = data.split(String(attachment.id)).join(copy.id);
    return copy;
  });
  const application = { ...draft, id, reference: `B${id.slice(0, 17)}`, data: JSON.parse(data) };
  return { application, attachments: copies };
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

function runLoad(run: LoadRun): Promise<LoadResult> {
  return runLoadProcess<LoadRun, LoadResult>('api-load.ts', run);
}

/**
 * Lets requests still running when a run ends (password hashes, above all) finish before the
 * next run starts, so one run's backlog is never charged to the next.
 */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 4000));
}

function printTable(rows: Comparison[]): void {
  console.log(
    `\nportal API vs bare Koa + same SQL, PostgreSQL, ${connections} connections, ` +
      `${seconds} s each`,
  );
  console.log(
    'scenario          ours req/s  ours p99 ms  bare req/s  bare p99 ms  ours/bare' +
      '  non-2xx ours/bare',
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
        `${ours.failed}/${bare.failed}`.padStart(18),
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
