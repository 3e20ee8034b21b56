import { workstationCategories } from '../../definitions/matter-definition';
import {
  listApplications,
  viewApplication,
  workstationSummary,
} from '../../engine/applications/application-queries';
import { saveDraft } from '../../engine/applications/save-draft';
import { sendEvent } from '../../engine/applications/send-event';
import { startApplication } from '../../engine/applications/start-application';
import type { Correction } from '../../definitions/workflow/workflow-machine';
import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { requireAccount, requireActor, requireKind } from '../http/route-guards';
import { applicationDetail, audienceOf } from '../presenters/application-detail';
import { presentApplicationPage } from '../presenters/application-page';
import { presentAction, presentApplication } from '../presenters/application-presenter';
import { pageQuery, pageOf } from './page-query';

interface StartBody {
  matterId: string;
}

interface DraftBody {
  data: Record<string, unknown>;
  version: number;
}

interface EventBody {
  type: string;
  comment?: string;
  corrections?: Correction[];
  version?: number;
}

const startBody = {
  type: 'object',
  required: ['matterId'],
  properties: { matterId: { type: 'string', minLength: 1, maxLength: 64 } },
  additionalProperties: false,
};

const draftBody = {
  type: 'object',
  required: ['data', 'version'],
  properties: {
    data: { type: 'object' },
    version: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};

/** The event body of CONTRACT.md, shared with the desk: officers send events here too. */
export const eventBody = {
  type: 'object',
  required: ['type'],
  properties: {
    type: { type: 'string', minLength: 1, maxLength: 100 },
    comment: { type: 'string', maxLength: 4000 },
    corrections: {
      type: 'array',
      maxItems: 200,
      items: {
        type: 'object',
        required: ['pointer', 'reason'],
        properties: {
          pointer: { type: 'string', maxLength: 500 },
          reason: { type: 'string', minLength: 1, maxLength: 1000 },
        },
        additionalProperties: false,
      },
    },
    version: { type: 'integer', minimum: 1 },
  },
  additionalProperties: false,
};

const listQuery = pageQuery({ category: { type: 'string', enum: [...workstationCategories] } });

/**
 * The applicant's workstation: start, list, read, save a draft, send events. Officers and
 * administrators read and send events here too, within the matters they cover.
 */
export const applicationRoutes: RouteModule = (router, services) => {
  const { engine } = services;
  const { database } = engine;

  addRoute<StartBody>(router, {
    method: 'post',
    path: '/applications',
    tag: 'applications',
    summary: 'Start an application on the current published version of a matter',
    access: 'applicant',
    body: startBody,
    responses: {
      201:
        'the new application with its actions; ' +
        '403 `applicant_type_not_allowed` or `certificate_login_required`; ' +
        '404 `matter_not_found`',
    },
    async handler(ctx, { body }) {
      const actor = requireKind(ctx, 'applicant');
      const account = requireAccount(ctx);
      const contact = {
        name: account.displayName,
        ...(account.email ? { email: account.email } : {}),
        ...(account.phone ? { phone: account.phone } : {}),
      };
      const started = await startApplication(engine, {
        matterId: body.matterId,
        applicant: actor,
        contact,
      });
      const view = await viewApplication(database, started.id, actor);
      ctx.status = 201;
      ctx.set('Location', `/api/applications/${started.id}`);
      ctx.body = {
        ...presentApplication(view, 'applicant'),
        actions: view.actions.map(presentAction),
      };
    },
  });

  addRoute<unknown, Record<string, string | undefined>>(router, {
    method: 'get',
    path: '/applications',
    tag: 'applications',
    summary: "The applicant's own applications, newest change first",
    access: 'applicant',
    query: listQuery,
    responses: { 200: '`{items, total}`' },
    async handler(ctx, { query }) {
      const actor = requireKind(ctx, 'applicant');
      const page = await listApplications(database, actor, {
        ...pageOf(query),
        category: query.category,
      });
      ctx.body = await presentApplicationPage(database, page, 'applicant');
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/workstation/summary',
    tag: 'applications',
    summary: "Counts of the applicant's applications by workstation category",
    access: 'applicant',
    responses: {
      200: '`{counts: {draft, submitted, processing, correction, completed, rejected, withdrawn}}`',
    },
    async handler(ctx) {
      const actor = requireKind(ctx, 'applicant');
      ctx.body = { counts: await workstationSummary(database, actor) };
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/applications/:id',
    tag: 'applications',
    summary: 'One application with the actions open to the viewer, history, files, documents',
    access: 'session',
    responses: {
      200:
        'the application; 403 `application_forbidden` for another person’s; ' +
        '404 `application_not_found`',
    },
    async handler(ctx) {
      const actor = requireActor(ctx);
      ctx.body = await applicationDetail(database, ctx.params.id ?? '', actor, audienceOf(actor));
    },
  });

  addRoute<DraftBody>(router, {
    method: 'put',
    path: '/applications/:id/data',
    tag: 'applications',
    summary: 'Save the form data (partial allowed) while the status lets the applicant edit',
    access: 'applicant',
    body: draftBody,
    responses: {
      200:
        'the application with its new version; 409 `version_conflict` or `not_editable`; ' +
        '422 `data_invalid` with pointers',
    },
    async handler(ctx, { body }) {
      const actor = requireKind(ctx, 'applicant');
      const saved = await saveDraft(engine, {
        applicationId: ctx.params.id ?? '',
        actor,
        data: body.data,
        version: body.version,
      });
      ctx.body = presentApplication(saved, 'applicant');
    },
  });

  addRoute<EventBody>(router, {
    method: 'post',
    path: '/applications/:id/events',
    tag: 'applications',
    summary: 'Send a workflow event (submit, withdraw, accept, request correction, …)',
    access: 'session',
    body: eventBody,
    responses: {
      200:
        'the application in its new status, with actions and history; ' +
        '422 `form_incomplete` with a pointer per field; ' +
        '409 `event_not_allowed` or `version_conflict`; ' +
        '403 `application_forbidden` or `actor_not_allowed`',
    },
    async handler(ctx, { body }) {
      const actor = requireActor(ctx);
      const applicationId = ctx.params.id ?? '';
      await sendEvent(engine, { applicationId, actor, ...body });
      ctx.body = await applicationDetail(database, applicationId, actor, audienceOf(actor));
    },
  });
};
