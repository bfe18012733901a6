import { Hono } from 'hono';
import type { InstanceInfo } from '../../shared/model';
import { instanceName, registrationMode } from '../config';
import type { AppEnv } from '../context';
import { directory } from '../stubs';

export const instanceRoutes = new Hono<AppEnv>().get('/', async (c) => {
  const accounts = await directory(c.env).accountCount();
  return c.json<InstanceInfo>({
    name: instanceName(c.env),
    registrationMode: registrationMode(c.env),
    needsFirstAccount: accounts === 0,
  });
});
