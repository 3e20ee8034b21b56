import { readApplication } from '../../engine/applications/application-access';
import {
  addAttachment,
  defaultMaxSize,
  readAttachment,
} from '../../engine/attachments/attachments';
import type { Database } from '../../engine/database/database';
import type { EngineActor } from '../../engine/engine-context';
import { loadMatterVersion } from '../../engine/registry/matter-registry';
import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';
import { HttpError } from '../http/http-error';
import { requireActor, requireKind } from '../http/route-guards';
import { contentDisposition } from '../presenters/content-disposition';
import { receiveUpload } from './multipart-upload';

/**
 * Material files: the applicant uploads one file a request (multipart: `materialId`, then
 * `file`), streamed to the file store with size, type and sha256 checked by the engine; anyone
 * who may read the application downloads them.
 */
export const attachmentRoutes: RouteModule = (router, services) => {
  const { engine, files } = services;

  addRoute(router, {
    method: 'post',
    path: '/applications/:id/attachments',
    tag: 'applications',
    summary: 'Upload one material file: multipart fields `materialId`, then `file`',
    access: 'applicant',
    multipart: true,
    responses: {
      201:
        '`{id, name, size, sha256}`, to put in the form data; ' +
        '422 `file_too_large`, `file_type_not_allowed`, `material_unknown`, `file_required`; ' +
        '409 `not_editable`',
    },
    async handler(ctx) {
      const actor = requireKind(ctx, 'applicant');
      if (!ctx.is('multipart/form-data')) {
        throw new HttpError(415, 'unsupported_media_type', 'send the file as multipart/form-data');
      }
      const applicationId = ctx.params.id ?? '';
      const maxFileSize = await largestMaterial(engine.database, applicationId, actor);
      const attachment = await receiveUpload(ctx.req, { maxFileSize }, (file) =>
        addAttachment(engine, files, { applicationId, actor, ...file }),
      );
      ctx.status = 201;
      ctx.body = attachment;
    },
  });

  addRoute(router, {
    method: 'get',
    path: '/applications/:id/attachments/:attachmentId',
    tag: 'applications',
    summary: 'Download a material file of an application',
    access: 'session',
    responses: { 200: 'the file, as uploaded; 404 `attachment_not_found`' },
    async handler(ctx) {
      const actor = requireActor(ctx);
      const { id = '', attachmentId = '' } = ctx.params;
      const attachment = await readAttachment(engine.database, id, attachmentId, actor);
      const content = await files.open(attachment.storageKey);
      ctx.set('Content-Disposition', contentDisposition('attachment', attachment.name));
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.type = attachment.mediaType;
      ctx.length = attachment.size;
      ctx.body = content;
    },
  });
};

/**
 * The largest file any material of the application's matter version takes, for the parser's
 * limit; the engine then holds each file to its own material's limit. Also refuses early an
 * application the actor may not touch.
 */
async function largestMaterial(
  database: Database,
  applicationId: string,
  actor: EngineActor,
): Promise<number> {
  const application = await readApplication(database, applicationId, actor);
  const compiled = await loadMatterVersion(
    database,
    application.matterId,
    application.matterVersion,
  );
  const sizes = compiled.definition.matter.materials.map((m) => m.maxSize ?? defaultMaxSize);
  return Math.max(0, ...sizes);
}
