import { Hono } from 'hono';
import { AppError } from '../shared/errors';
import type { AppEnv } from './context';
import { onError } from './http/errors';
import { sameOrigin } from './middleware/same-origin';
import { securityHeaders } from './middleware/security-headers';
import { accountRoutes } from './routes/account';
import { adminRoutes } from './routes/admin';
import { authRoutes, sessionRoutes } from './routes/auth';
import { instanceRoutes } from './routes/instance';
import { inviteCodeRoutes } from './routes/invites';
import { plantUmlRoutes } from './routes/plantuml';
import { serveWebApp } from './routes/static';
import { userRoutes } from './routes/users';
import { workspaceRoutes } from './routes/workspaces';

export const app = new Hono<AppEnv>()
  .use(securityHeaders())
  .use('/api/*', sameOrigin())
  .route('/api/instance', instanceRoutes)
  .route('/api/auth', authRoutes)
  .route('/api/session', sessionRoutes)
  .route('/api/account', accountRoutes)
  .route('/api/users', userRoutes)
  .route('/api/admin', adminRoutes)
  .route('/api/workspaces', workspaceRoutes)
  .route('/api/invites', inviteCodeRoutes)
  .route('/api/plantuml', plantUmlRoutes)
  .all('/api/*', () => {
    throw new AppError('not_found', 'No such API endpoint');
  })
  .on(['GET', 'HEAD'], '*', serveWebApp)
  .onError(onError);

export type App = typeof app;
