/**
 * A fake PlantUML server for the runtime tests. It runs in Node, inside Vitest's
 * own process (vitest.config.ts binds it as PLANTUML_NET), not in workerd.
 *
 * It answers `GET …/svg/{encoded}` with an SVG naming the source, and obeys
 * directives written in the source as PlantUML comments, one per line:
 *   ' fake delay MS       answer after MS milliseconds
 *   ' fake trickle MS     send the headers now and the body after MS milliseconds
 *   ' fake status CODE    answer with that status (an SVG of the error for 400)
 *   ' fake stream BYTES   an SVG of about BYTES bytes, streamed with no declared length
 *   ' fake sized BYTES    the same with its Content-Length declared
 *   ' fake html 1         an HTML page instead of an SVG
 * `GET /hits/{encoded}` says how many times that source was asked for, and
 * `GET /decode/{encoded}` what text it carries.
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';

/** PlantUML's text decoding: its base64 alphabet, then raw inflate (Node's ignores the zero padding; workerd's refuses it). */
async function decodePlantUml(encoded: string): Promise<string> {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 4) {
    const [c1, c2, c3, c4] = [0, 1, 2, 3].map((j) => ALPHABET.indexOf(encoded[i + j] ?? '0'));
    bytes.push((c1 << 2) | (c2 >> 4), ((c2 & 0xf) << 4) | (c3 >> 2), ((c3 & 0x3) << 6) | c4);
  }
  const inflated = new Blob([Uint8Array.from(bytes)]).stream().pipeThrough(new DecompressionStream('deflate-raw'));
  return new Response(inflated).text();
}

const hits = new Map<string, number>();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const escapeXml = (text: string) => text.replace(/[<>&"]/g, (c) => `&#${c.charCodeAt(0)};`);

function svg(text: string, padding = 0): string {
  const filler = padding > 0 ? `<!--${'x'.repeat(padding)}-->` : '';
  return `<?xml version="1.0" encoding="UTF-8"?><svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="4" y="20">${escapeXml(text)}</text>${filler}</svg>`;
}

export async function fakePlantUmlServer(request: Request): Promise<Response> {
  const path = new URL(request.url).pathname;
  const hitsOf = /^\/hits\/([\w-]+)$/.exec(path);
  if (hitsOf) return Response.json({ hits: hits.get(await decodePlantUml(hitsOf[1])) ?? 0 });
  const decode = /^\/decode\/([\w-]+)$/.exec(path);
  if (decode) return new Response(await decodePlantUml(decode[1]));
  const drawing = /\/svg\/([\w-]+)$/.exec(path);
  if (!drawing || request.method !== 'GET') return new Response('Not found', { status: 404 });

  const source = await decodePlantUml(drawing[1]);
  hits.set(source, (hits.get(source) ?? 0) + 1);
  const say = (name: string) => {
    const match = new RegExp(`^' fake ${name} (\\d+)$`, 'm').exec(source);
    return match ? Number(match[1]) : null;
  };
  const headers = { 'Content-Type': 'image/svg+xml' };

  await sleep(say('delay') ?? 0);
  const status = say('status');
  if (status === 400) return new Response(svg(`Syntax Error? ${source}`), { status, headers });
  if (status !== null) return new Response(`Server error ${status}`, { status });
  if (say('html')) return new Response('<!doctype html><title>Proxy error</title>', { headers: { 'Content-Type': 'text/html' } });
  const sized = say('sized');
  if (sized !== null) return new Response(new TextEncoder().encode(svg(source, sized)), { headers });

  const body = svg(source, say('stream') ?? 0);
  const trickle = say('trickle');
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      if (trickle !== null) await sleep(trickle);
      for (let i = 0; i < body.length; i += 64 * 1024) controller.enqueue(encoder.encode(body.slice(i, i + 64 * 1024)));
      controller.close();
    },
  });
  return new Response(stream, { headers });
}
