import { createCaptcha } from '../../engine/accounts/captcha-store';
import type { RouteModule } from '../app';
import { addRoute } from '../http/api-route';

/**
 * `GET /api/captcha`: a picture to read, `{id, image}` with the image as an SVG data URI. The
 * answer is stored hashed, for two minutes and one check; case does not matter.
 */
export const captchaRoutes: RouteModule = (router, services) => {
  addRoute(router, {
    method: 'get',
    path: '/captcha',
    tag: 'auth',
    summary: 'A new captcha: single use, two minutes, case-insensitive',
    access: 'public',
    responses: { 200: '`{id, image}`: image is a `data:image/svg+xml;base64,…` URI' },
    async handler(ctx) {
      const { database } = services.engine;
      ctx.set('Cache-Control', 'no-store');
      ctx.body = await createCaptcha(database, services.engine.now(), services.captchaText?.());
    },
  });
};
