import type { RouteModule } from './app';
import { openApiRoutes } from './openapi/openapi-routes';
import { accountRoutes } from './routes/account-routes';
import { adminRoutes } from './routes/admin-routes';
import { authRoutes } from './routes/auth-routes';
import { applicationRoutes } from './routes/application-routes';
import { attachmentRoutes } from './routes/attachment-routes';
import { captchaRoutes } from './routes/captcha-routes';
import { certificateLoginRoutes } from './routes/certificate-login-routes';
import { catalogRoutes } from './routes/catalog-routes';
import { deskRoutes } from './routes/desk-routes';
import { documentRoutes } from './routes/document-routes';
import { identityRoutes } from './routes/identity-routes';
import { internalRoutes } from './routes/internal-routes';
import { ssoLoginRoutes } from './routes/sso-login-routes';
import { contentRoutes } from './routes/content-routes';

/** Every route module of the portal API, the OpenAPI document last so it lists them all. */
export const routeModules: RouteModule[] = [
  captchaRoutes,
  authRoutes,
  identityRoutes,
  accountRoutes,
  certificateLoginRoutes,
  ssoLoginRoutes,
  catalogRoutes,
  applicationRoutes,
  attachmentRoutes,
  documentRoutes,
  deskRoutes,
  contentRoutes,
  adminRoutes,
  internalRoutes,
  openApiRoutes,
];
