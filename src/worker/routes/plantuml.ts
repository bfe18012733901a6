import { Hono } from 'hono';
import { PlantUmlBody } from '../../shared/api';
import { AppError } from '../../shared/errors';
import type { PlantUmlDiagram } from '../../shared/model';
import { plantUmlUrl } from '../config';
import type { AppEnv } from '../context';
import { readJson } from '../http/validate';
import { requireAccount } from '../middleware/session';
import { diagramCache } from '../stubs';

/**
 * PlantUML diagrams drawn by the operator's server on the LAN. The SVG goes back
 * as text the client sanitizes and shows as an image: it is never served as a
 * document on Hearth's origin.
 */
export const plantUmlRoutes = new Hono<AppEnv>().post('/', requireAccount(), async (c) => {
  const serverUrl = plantUmlUrl(c.env);
  if (!serverUrl) {
    throw new AppError('plantuml_unavailable', 'The operator of this server has not configured a PlantUML server, so diagrams show as their source');
  }
  const { source } = await readJson(c, PlantUmlBody);
  const diagram = await diagramCache(c.env).plantUml(c.get('account').id, serverUrl, source);
  return c.json<PlantUmlDiagram>(diagram, 200, { 'Cache-Control': 'no-store' });
});
