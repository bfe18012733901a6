import { Hono } from 'hono';
import { AuditQuery, entityId } from '../../shared/api';
import type { AppEnv } from '../context';
import { readParam, readQuery } from '../http/validate';
import { workspace } from '../stubs';

/** GET /, mounted at /api/workspaces/:workspaceId/audit: the audit log, newest first, for admins and the owner. */
export const auditRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const ws = readParam(c, 'workspaceId', entityId);
  const query = readQuery(c, AuditQuery);
  return c.json(await workspace(c.env, ws).auditLog(c.get('account').id, query));
});
