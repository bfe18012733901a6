/**
 * PlantUML through the worker: the text encoding, who may ask, the limits on the
 * source and on the server's answer, the cache and its sharing of requests under
 * way, and the per-person budget of new drawings. The PlantUML server is the fake
 * in ./plantuml-upstream.ts (vitest.config.ts binds it as PLANTUML_NET).
 */
import { runInDurableObject } from 'cloudflare:test';
import { env } from 'cloudflare:workers';
import { drizzle } from 'drizzle-orm/durable-sqlite';
import { beforeAll, describe, expect, it } from 'vitest';
import { findDiagram, keepDiagram } from '../../src/durable/diagram-cache/cache';
import { encodePlantUml } from '../../src/durable/diagram-cache/plantuml-server';
import * as schema from '../../src/durable/diagram-cache/schema';
import { LIMITS } from '../../src/shared/limits';
import { app } from '../../src/worker/app';
import { as, buildRequest, call, expectError, signUp, type User } from './helpers';

/** A source no other test draws, so that what the fake server counts is this test's. */
const fresh = (body: string) => `${body}\n' ${crypto.randomUUID()}`;

const draw = (user: User, source: string) => as(user, 'POST', '/api/plantuml', { source });

/** How many times the fake PlantUML server was asked for `source`. */
async function hitsOf(source: string): Promise<number> {
  const response = await env.PLANTUML_NET.fetch(`http://plantuml.test/hits/${await encodePlantUml(source)}`);
  return ((await response.json()) as { hits: number }).hits;
}

/** The text an encoded source carries, as the fake server reads it (in Node, as PlantUML's Java reads it). */
async function decodePlantUml(encoded: string): Promise<string> {
  return (await env.PLANTUML_NET.fetch(`http://plantuml.test/decode/${encoded}`)).text();
}

/** Calls the worker with the environment changed, as an operator would configure it. */
async function callWith(change: Partial<typeof env>, user: User, source: string) {
  const request = buildRequest('POST', '/api/plantuml', { cookie: user.cookie, as: user.account.id, json: { source } });
  const response = await app.request(request, undefined, { ...env, ...change });
  return { status: response.status, body: (await response.json()) as any };
}

let ana: User;
let ben: User;
beforeAll(async () => {
  ana = await signUp('ana');
  ben = await signUp('ben');
});

describe('PlantUML text encoding', () => {
  it("matches PlantUML's own for its best-known example", async () => {
    expect(await encodePlantUml('Bob -> Alice : hello')).toBe('SyfFKj2rKt3CoKnELR1Io4ZDoSa70000');
  });

  it('is read back by PlantUML as the same text', async () => {
    // PlantUML's own encoder (Java's deflate at level 9) picks other matches than zlib's default:
    // both are valid deflate. Ours was checked with `plantuml -decodeurl` (Debian's 1.2020.2).
    const source = 'Alice -> Bob: Authentication Request\nBob --> Alice: Authentication Response';
    expect(await encodePlantUml(source)).toBe('Syp9J4vLqBLJSCfFib9mB2t9ICqhoKnEBCdCprC8IYqiJIqkuNBAJrBGrRLJS0GfngAgk20_hpWL0000');
    expect(await decodePlantUml('Syp9J4vLqBLJSCfFib9mB2t9ICqhoKnEBCdCprC8IYqiJIqkuGBAAUW2rJY256DHLLoGdrUS2W00')).toBe(source);
  });

  it('carries any text: UTF-8, long sources, only characters safe in a URL path', async () => {
    const sources = ['@startuml\nÅsa -> 東京 : «こんにちは» 🎉\n@enduml', `@startuml\n${'A -> B : step\n'.repeat(500)}@enduml`];
    for (const source of sources) {
      const encoded = await encodePlantUml(source);
      expect(encoded).toMatch(/^[0-9A-Za-z_-]+$/);
      expect(await decodePlantUml(encoded)).toBe(source);
    }
  });
});

describe('POST /api/plantuml', () => {
  it('answers the SVG the PlantUML server drew', async () => {
    const source = fresh('Bob -> Alice : hello');
    const result = await draw(ana, source);
    expect(result.status).toBe(200);
    expect(result.body.svg).toMatch(/^<\?xml[^>]*\?><svg /);
    expect(result.body.svg).toContain('Bob -&#62; Alice : hello');
    expect(result.response.headers.get('Cache-Control')).toBe('no-store');
  });

  it('is for signed-in people only', async () => {
    expectError(await call('POST', '/api/plantuml', { json: { source: 'A -> B' } }), 401, 'unauthenticated');
  });

  it('says so when the operator has configured no PlantUML server, or no usable address', async () => {
    for (const url of [null, '', '  ', 'ftp://10.0.0.5/plantuml', 'plantuml.lan:8080']) {
      const result = await callWith({ PLANTUML_URL: url }, ana, 'A -> B');
      expect({ url, status: result.status, code: result.body.error.code }).toEqual({ url, status: 404, code: 'plantuml_unavailable' });
      expect(result.body.error.message).toMatch(/not configured a PlantUML server/);
    }
  });

  it('refuses a source that is empty or longer than a message', async () => {
    const long = await draw(ana, 'A'.repeat(LIMITS.plantUmlSourceMax + 1));
    expectError(long, 400, 'invalid_body');
    expect(long.body.error.message).toContain(`at most ${LIMITS.plantUmlSourceMax} characters`);
    expectError(await draw(ana, ' \n '), 400, 'invalid_body');
    expect((await draw(ana, fresh('A'.repeat(LIMITS.plantUmlSourceMax - 50)))).status).toBe(200);
  });

  it('draws a diagram once, whoever asks for it again', async () => {
    const source = fresh('Bob -> Alice : again');
    const first = await draw(ana, source);
    const again = await draw(ana, source);
    const other = await draw(ben, source);
    expect([first.status, again.status, other.status]).toEqual([200, 200, 200]);
    expect(again.body.svg).toBe(first.body.svg);
    expect(other.body.svg).toBe(first.body.svg);
    expect(await hitsOf(source)).toBe(1);
  });

  it('keeps drawings of another server apart', async () => {
    const source = fresh('Bob -> Alice : elsewhere');
    expect((await draw(ana, source)).status).toBe(200);
    expect((await callWith({ PLANTUML_URL: 'http://plantuml.test/other/' }, ana, source)).status).toBe(200);
    expect(await hitsOf(source)).toBe(2);
  });

  it('shares one request among people asking for the same diagram at the same time', async () => {
    const source = fresh("Bob -> Alice : together\n' fake delay 300");
    const results = await Promise.all([draw(ana, source), draw(ben, source), draw(ana, source)]);
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body.svg)).size).toBe(1);
    expect(await hitsOf(source)).toBe(1);
  });

  it("shows PlantUML's picture of a syntax error (its server answers it with status 400)", async () => {
    const result = await draw(ana, fresh("Bob -> : (\n' fake status 400"));
    expect(result.status).toBe(200);
    expect(result.body.svg).toContain('Syntax Error?');
  });

  it('says what went wrong when the server fails, and asks again next time', async () => {
    const broken = fresh("A -> B\n' fake status 500");
    const failed = await draw(ana, broken);
    expectError(failed, 502, 'plantuml_failed');
    expect(failed.body.error.message).toBe('The PlantUML server answered 500');
    expectError(await draw(ana, broken), 502, 'plantuml_failed');
    expect(await hitsOf(broken)).toBe(2);

    const page = await draw(ana, fresh("A -> B\n' fake html 1"));
    expectError(page, 502, 'plantuml_failed');
    expect(page.body.error.message).toBe('The PlantUML server did not answer with an SVG image');
  });

  it('refuses a drawing larger than 512 KiB, streamed or declared', async () => {
    for (const how of ['stream', 'sized']) {
      const result = await draw(ana, fresh(`A -> B\n' fake ${how} ${LIMITS.plantUmlSvgBytesMax + 1}`));
      expectError(result, 502, 'plantuml_failed');
      expect(result.body.error.message).toBe('The diagram is larger than 512 KiB');
    }
    expect((await draw(ana, fresh(`A -> B\n' fake stream ${LIMITS.plantUmlSvgBytesMax - 1000}`))).status).toBe(200);
  });

  it('gives up on a server that takes longer than 5 seconds, to answer or to finish', async () => {
    const started = Date.now();
    const [silent, trickling] = await Promise.all([
      draw(ana, fresh("A -> B\n' fake delay 6500")),
      draw(ben, fresh("A -> B\n' fake trickle 6500")),
    ]);
    for (const result of [silent, trickling]) {
      expectError(result, 502, 'plantuml_failed');
      expect(result.body.error.message).toBe('The PlantUML server did not answer within 5 seconds');
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(LIMITS.plantUmlTimeoutMs - 100);
    expect(Date.now() - started).toBeLessThan(6400);
  });

  it('limits how many new diagrams one person has drawn a minute; kept ones still show', async () => {
    const carl = await signUp('carl');
    const kept = fresh('Carl -> Alice : kept');
    expect((await draw(carl, kept)).status).toBe(200);
    for (let i = 1; i < LIMITS.plantUmlRendersPerWindow; i++) expect((await draw(carl, fresh(`Carl -> B : ${i}`))).status).toBe(200);
    const refused = await draw(carl, fresh('Carl -> B : one too many'));
    expectError(refused, 429, 'too_many_requests');
    expect(refused.body.error.message).toMatch(/wait \d+ seconds/);
    expect((await draw(carl, kept)).status).toBe(200);
    expect((await draw(ben, fresh('Ben -> B : unaffected'))).status).toBe(200);
  });
});

describe('the diagram cache', () => {
  const cacheStub = () => env.DIAGRAMS.get(env.DIAGRAMS.idFromName('diagrams'));

  it('drops the least recently used past its row and byte bounds', async () => {
    await runInDurableObject(cacheStub(), (_instance, state) => {
      const db = drizzle(state.storage, { schema });
      db.delete(schema.diagrams).run();
      const bounds = { rows: 3, bytes: 1000 };
      for (const [i, key] of ['a', 'b', 'c'].entries()) keepDiagram(db, key, `<svg>${key}</svg>`, 1000 + i, bounds);
      // Showing `a` again makes `b` the least recently used.
      expect(findDiagram(db, 'a', 1000 + 20 * 60 * 1000)).toBe('<svg>a</svg>');
      keepDiagram(db, 'd', '<svg>d</svg>', 1000 + 20 * 60 * 1000 + 1, bounds);
      const keys = () => db.select({ key: schema.diagrams.key }).from(schema.diagrams).all().map((r) => r.key).sort();
      expect(keys()).toEqual(['a', 'c', 'd']);
      keepDiagram(db, 'big', `<svg>${'x'.repeat(985)}</svg>`, 1000 + 30 * 60 * 1000, bounds);
      expect(keys()).toEqual(['big']);
    });
  });

  it('draws a diagram again once its drawing is old', async () => {
    await runInDurableObject(cacheStub(), (_instance, state) => {
      const db = drizzle(state.storage, { schema });
      keepDiagram(db, 'old', '<svg/>', 0);
      expect(findDiagram(db, 'old', LIMITS.plantUmlCacheMaxAgeMs - 1)).toBe('<svg/>');
      expect(findDiagram(db, 'old', LIMITS.plantUmlCacheMaxAgeMs)).toBeNull();
    });
  });
});
