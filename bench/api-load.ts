/**
 * The load generator of bench:api, run in a child process of its own so that generating load
 * never competes with the server for the same event loop. It receives one run by IPC, drives it
 * with autocannon and answers with the figures.
 */
import autocannon from 'autocannon';

export interface LoadApplicant {
  actorId: string;
  username: string;
  cookie: string;
  csrf: string;
  draftId: string;
}

export interface LoadRun {
  kind: 'login' | 'list' | 'save' | 'submit';
  url: string;
  prefix: '/api' | '/bare';
  connections: number;
  seconds: number;
  password: string;
  applicants: LoadApplicant[];
  /** Complete drafts to submit, by applicant. */
  drafts: Record<string, string[]>;
  /** The version each applicant's draft is at, for save runs; kept from each answer. */
  versions: Record<string, number>;
}

export interface LoadResult {
  rps: number;
  p99: number;
  failed: number;
}

type Context = { applicant?: LoadApplicant };

function buildRequest(
  run: LoadRun,
  context: Context,
  next: () => LoadApplicant,
): autocannon.Request {
  context.applicant ??= next();
  const applicant = context.applicant;
  const json = { 'content-type': 'application/json' };
  const session = { cookie: applicant.cookie, 'x-csrf-token': applicant.csrf, ...json };
  switch (run.kind) {
    case 'login': {
      const body = { username: applicant.username, password: run.password };
      return {
        method: 'POST',
        path: `${run.prefix}/${run.prefix === '/api' ? 'auth/' : ''}login`,
        headers: json,
        body: JSON.stringify(body),
      };
    }
    case 'list':
      return {
        method: 'GET',
        path: `${run.prefix}/applications?category=draft`,
        headers: { cookie: applicant.cookie },
      };
    case 'save': {
      const version = run.versions[applicant.actorId] ?? 2;
      const body = { version, data: { companyName: `深圳市基准测试${version}有限公司` } };
      return {
        method: 'PUT',
        path: `${run.prefix}/applications/${applicant.draftId}/data`,
        headers: session,
        body: JSON.stringify(body),
      };
    }
    case 'submit': {
      const id = run.drafts[applicant.actorId]?.pop() ?? applicant.draftId;
      return {
        method: 'POST',
        path: `${run.prefix}/applications/${id}/events`,
        headers: session,
        body: '{"type":"SUBMIT"}',
      };
    }
  }
}

async function load(run: LoadRun): Promise<LoadResult> {
  const applicants = applicantsOneAtATime(run.applicants);
  const result = await autocannon({
    url: run.url,
    connections: run.connections,
    duration: run.seconds,
    initialContext: {},
    requests: [
      {
        setupRequest: (request, context) => ({
          ...request,
          ...buildRequest(run, context as Context, applicants.next),
        }),
        onResponse: (status, body, context) => {
          const { applicant } = context as Context;
          if (!applicant) return;
          applicants.release(applicant);
          if (run.kind === 'save' && status === 200) {
            run.versions[applicant.actorId] = (JSON.parse(body) as { version: number }).version;
          }
        },
      },
    ],
  });
  return {
    rps: result.requests.average,
    p99: result.latency.p99,
    failed: result.non2xx + result.errors + result.timeouts,
  };
}

/**
 * Hands out the applicants in turn, skipping any whose last request has not been answered: one
 * person's autosaves follow each other, and autocannon clears a connection's context after each
 * request, so the connection cannot keep its applicant itself.
 */
function applicantsOneAtATime(all: LoadApplicant[]) {
  const busy = new Set<LoadApplicant>();
  let counter = 0;
  return {
    next(): LoadApplicant {
      for (let tries = 0; tries < all.length; tries++) {
        const candidate = all[counter++ % all.length] as LoadApplicant;
        if (!busy.has(candidate)) {
          busy.add(candidate);
          return candidate;
        }
      }
      return all[counter++ % all.length] as LoadApplicant;
    },
    release(applicant: LoadApplicant): void {
      busy.delete(applicant);
    },
  };
}

process.on('message', (run: LoadRun) => {
  load(run).then(
    (result) => process.send?.(result),
    (error: Error) => process.send?.({ error: error.message }),
  );
});
