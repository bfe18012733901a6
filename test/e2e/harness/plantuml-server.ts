import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

const PLANTUML = '/usr/bin/plantuml';
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_';
/** A source with this line gets the hostile drawing instead of PlantUML's. */
export const HOSTILE_MARK = "' hearth-test: hostile";

/**
 * A PlantUML server on 127.0.0.1 for the end-to-end tests: Debian's `plantuml` (the
 * real renderer) behind the one request Hearth makes of PlantUML's HTTP server,
 * `GET /plantuml/svg/{encoded}`. Debian's 1.2020.2 has no server of its own
 * (`-picoweb` came later), so one `plantuml -pipe` process stays running and draws
 * the requests in turn: a JVM started per request takes 1–6 s on a busy machine, past
 * Hearth's 5 s limit, where a real server answers warm. Like PlantUML's server, it
 * answers a diagram with an error with the picture of the error and status 400. A
 * source marked with HOSTILE_MARK gets `hostileSvg`, as a compromised server could send.
 */
export class PlantUmlServer {
  /** Every source asked for, in order, and the status it was answered with. */
  readonly answers: { source: string; status: number }[] = [];
  private server: Server | null = null;
  private port = 0;
  private readonly plantuml = new PlantUmlPipe();

  private constructor(private readonly hostileSvg: string) {}

  static async start(hostileSvg: string): Promise<PlantUmlServer> {
    if (!existsSync(PLANTUML)) {
      throw new Error("The PlantUML tests draw with Debian's plantuml: apt-get install --no-install-recommends plantuml (.ci/run does)");
    }
    const started = new PlantUmlServer(hostileSvg);
    await Promise.all([started.listen(), started.plantuml.draw('@startuml\nwarm -> up\n@enduml')]);
    return started;
  }

  /** What HEARTH_PLANTUML_URL is set to. */
  get url(): string {
    return `http://127.0.0.1:${this.port}/plantuml`;
  }

  stop(): Promise<void> {
    this.plantuml.stop();
    return new Promise((resolve) => {
      if (!this.server) return resolve();
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private listen(): Promise<void> {
    const server = createServer((request, response) => void this.answer(request, response));
    this.server = server;
    return new Promise((resolve) => {
      server.listen(0, '127.0.0.1', () => {
        this.port = (server.address() as { port: number }).port;
        resolve();
      });
    });
  }

  private async answer(request: IncomingMessage, response: ServerResponse) {
    const encoded = /^\/plantuml\/svg\/([\w-]+)$/.exec(request.url ?? '')?.[1];
    if (request.method !== 'GET' || !encoded) return response.writeHead(404).end('Not found');
    const source = await decode(encoded);
    const svgType = { 'Content-Type': 'image/svg+xml' };
    if (source.includes(HOSTILE_MARK)) {
      this.answers.push({ source, status: 200 });
      return response.writeHead(200, svgType).end(this.hostileSvg);
    }
    const { ok, svg } = await this.plantuml.draw(withStartAndEnd(source));
    const status = !svg.includes('<svg') ? 500 : ok ? 200 : 400;
    this.answers.push({ source, status });
    if (status === 500) return response.writeHead(500).end('PlantUML failed');
    response.writeHead(status, svgType).end(svg);
  }
}

/** PlantUML's text decoding: its base64 alphabet, then raw inflate (Node's ignores PlantUML's zero padding). */
async function decode(encoded: string): Promise<string> {
  const bytes: number[] = [];
  for (let i = 0; i < encoded.length; i += 4) {
    const [c1, c2, c3, c4] = [0, 1, 2, 3].map((j) => ALPHABET.indexOf(encoded[i + j] ?? '0'));
    bytes.push((c1 << 2) | (c2 >> 4), ((c2 & 0xf) << 4) | (c3 >> 2), ((c3 & 0x3) << 6) | c4);
  }
  return new Response(new Blob([Uint8Array.from(bytes)]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).text();
}

/** PlantUML's server adds the start and end lines a source leaves out (and the pipe would wait for an end forever). */
function withStartAndEnd(source: string): string {
  if (!/^\s*@start/.test(source)) return `@startuml\n${source}\n@enduml`;
  return /@end\w+\s*$/.test(source) ? source : `${source}\n@enduml`;
}

const DELIMITER = '@@hearth-test-end@@';

/** One `plantuml -pipe` process, drawing one diagram at a time. */
class PlantUmlPipe {
  private readonly child: ChildProcess;
  private output = '';
  private waiting: ((svg: string) => void) | null = null;
  private queue: Promise<unknown> = Promise.resolve();

  constructor() {
    this.child = spawn(PLANTUML, ['-tsvg', '-pipe', '-charset', 'UTF-8', '-pipedelimitor', DELIMITER], { stdio: ['pipe', 'pipe', 'ignore'] });
    this.child.stdout?.setEncoding('utf8');
    this.child.stdout?.on('data', (chunk) => {
      this.output += chunk;
      const end = this.output.indexOf(DELIMITER);
      if (end === -1 || !this.waiting) return;
      const svg = this.output.slice(0, end);
      this.output = this.output.slice(end + DELIMITER.length).replace(/^\n/, '');
      this.waiting(svg);
    });
  }

  /** `ok` is false when PlantUML drew its picture of an error (in pipe mode it says so only in the picture). */
  draw(source: string): Promise<{ ok: boolean; svg: string }> {
    const drawn = this.queue.then(
      () =>
        new Promise<{ ok: boolean; svg: string }>((resolve) => {
          this.waiting = (svg) => {
            this.waiting = null;
            resolve({ ok: !/>Syntax Error\?</.test(svg), svg });
          };
          this.child.stdin?.write(`${source}\n`);
        }),
    );
    this.queue = drawn;
    return drawn;
  }

  stop() {
    this.child.kill('SIGTERM');
  }
}
