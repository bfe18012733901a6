import { Hono } from 'hono';
import { UpdateInstanceSettingsBody } from '../../shared/api';
import type { InstanceInfo } from '../../shared/model';
import { instanceSettings } from '../config';
import type { AppEnv, Env } from '../context';
import { readJson } from '../http/validate';
import { requireInstanceAdmin } from '../middleware/instance-admin';
import { requireAccount } from '../middleware/session';
import { directory } from '../stubs';

async function instanceInfo(env: Env): Promise<InstanceInfo> {
  const dir = directory(env);
  const [stored, accounts] = await Promise.all([dir.instanceSettings(), dir.accountCount()]);
  return { ...instanceSettings(env, stored), needsFirstAccount: accounts === 0 };
}

export const instanceRoutes = new Hono<AppEnv>()
  .get('/', async (c) => c.json<InstanceInfo>(await instanceInfo(c.env)))
  .patch('/', requireAccount(), requireInstanceAdmin(), async (c) => {
    const change = await readJson(c, UpdateInstanceSettingsBody);
    await directory(c.env).updateInstanceSettings(change);
    return c.json<InstanceInfo>(await instanceInfo(c.env));
  });
