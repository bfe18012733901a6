import { DurableObject } from 'cloudflare:workers';
import migrations from '../../../migrations/diagram-cache/migrations.js';
import type { PlantUmlDiagram } from '../../shared/model';
import type { Env } from '../env';
import { openDatabase } from '../sqlite';
import { diagramKey, findDiagram, keepDiagram } from './cache';
import type { DiagramCacheDb } from './db';
import { drawSvg } from './plantuml-server';
import { forgetEndedWindows, spendRender } from './render-budget';
import * as schema from './schema';

/**
 * The one object that asks the operator's PlantUML server for drawings and keeps
 * them: a diagram is drawn once, however many people open the message, and people
 * asking for the same diagram at the same moment share one request.
 */
export class DiagramCache extends DurableObject<Env> {
  private readonly db: DiagramCacheDb;
  /** Drawings under way, by key. */
  private readonly drawing = new Map<string, Promise<PlantUmlDiagram>>();

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env);
    this.db = openDatabase(ctx, schema, migrations);
  }

  /** `source` drawn by the server at `serverUrl`; a new drawing counts against `userId`'s budget. */
  async plantUml(userId: string, serverUrl: string, source: string): Promise<PlantUmlDiagram> {
    const key = await diagramKey(serverUrl, source);
    // From here to the map's set nothing awaits, so two requests cannot both start a drawing.
    const now = Date.now();
    const kept = findDiagram(this.db, key, now);
    if (kept !== null) return { svg: kept };
    const underWay = this.drawing.get(key);
    if (underWay) return underWay;
    forgetEndedWindows(this.db, now);
    spendRender(this.db, userId, now);
    const drawing = drawSvg(this.env.PLANTUML_NET, serverUrl, source)
      .then((svg) => {
        keepDiagram(this.db, key, svg, Date.now());
        return { svg };
      })
      .finally(() => this.drawing.delete(key));
    this.drawing.set(key, drawing);
    return drawing;
  }
}
