import { once } from 'node:events';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { OutboxRow } from '../../engine/delivery/outbox-row';
import type { EngineContext } from '../../engine/engine-context';
import type { Database } from '../../engine/database/database';
import type { Application } from '../../engine/applications/application-record';
import { sendEvent } from '../../engine/applications/send-event';
import { startApplication } from '../../engine/applications/start-application';
import { enterprise, enterpriseContact, officer, saveSample } from './engine-fixture';

export const establishment = 'commercial-entity-establishment';

/**
 * Starts an establishment application with the sample data, submits it and sends the officer
 * events given: `['ACCEPT']` ends with a receipt to issue.
 */
export async function walkApplication(
  context: EngineContext,
  officerEvents: string[] = [],
  contact = enterpriseContact,
): Promise<Application> {
  const application = await startApplication(context, {
    matterId: establishment,
    applicant: enterprise,
    contact,
  });
  const applicationId = application.id;
  await saveSample(context, applicationId, establishment);
  await sendEvent(context, { applicationId, actor: enterprise, type: 'SUBMIT' });
  for (const type of officerEvents)
    await sendEvent(context, { applicationId, actor: officer, type });
  return application;
}

/** The outbox rows an application wrote, oldest first, as delivery receives them. */
export async function outboxRowsOf(
  database: Database,
  applicationId: string,
  kind?: string,
): Promise<OutboxRow[]> {
  const query = database('outbox').where({ application_id: applicationId }).orderBy('id');
  if (kind) query.where({ kind });
  const records = await query;
  return records.map((record) => ({
    id: Number(record.id),
    applicationId: record.application_id,
    kind: record.kind,
    payload: typeof record.payload === 'string' ? JSON.parse(record.payload) : record.payload,
    attempts: Number(record.attempts),
  }));
}

export interface ReceivedRequest {
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export interface TestHttpServer {
  url: string;
  received: ReceivedRequest[];
  close(): Promise<void>;
}

/**
 * An HTTP server on a free port that records each request. A path `/status/NNN` answers NNN,
 * `/slow` never answers; any other path answers 200.
 */
export async function startTestHttpServer(): Promise<TestHttpServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      received.push({
        path,
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      answer(path, response);
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}

function answer(path: string, response: ServerResponse): void {
  if (path === '/slow') return;
  const status = Number(/^\/status\/(\d{3})$/.exec(path)?.[1] ?? 200);
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end('{}');
}

export interface ReceivedMail {
  mail: ParsedMail;
  /** Envelope recipients: To and Bcc alike. */
  recipients: string[];
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * An SMTP server (smtp-server) on a free port that parses each mail with mailparser. Mail to a
 * recipient whose address starts with `reject` is refused with 550, `busy` with 451 (try later).
 */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('busy')) {
        return callback(Object.assign(new Error('try again later'), { responseCode: 451 }));
      }
      if (!address.address.startsWith('reject')) return callback();
      callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
    },
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          received.push({ mail, recipients: session.envelope.rcptTo.map((r) => r.address) });
          callback();
        })
        .catch(callback);
    },
  });
  server.listen(0, '127.0.0.1');
  await once(server.server, 'listening');
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
