// Types for the few Node APIs the end-to-end harness calls. The project's
// tsconfig types everything for workerd (@cloudflare/workers-types) and has no
// @types/node, whose globals would clash with those; this stays that small.

declare module 'node:child_process' {
  interface OutputStream {
    setEncoding(encoding: 'utf8'): void;
    on(event: 'data', listener: (chunk: string) => void): void;
  }
  export interface ChildProcess {
    readonly exitCode: number | null;
    readonly signalCode: string | null;
    readonly stdin: { write(data: string): boolean; end(data?: string): void } | null;
    readonly stdout: OutputStream | null;
    readonly stderr: OutputStream | null;
    kill(signal?: 'SIGTERM' | 'SIGKILL'): boolean;
    /** `close`: exited, and its output streams are read to the end. */
    once(event: 'exit' | 'close', listener: (code: number | null, signal: string | null) => void): this;
    once(event: 'error', listener: (error: Error) => void): this;
  }
  export function spawn(
    command: string,
    args: readonly string[],
    options: { cwd?: string; env?: Record<string, string | undefined>; stdio?: ('ignore' | 'pipe' | 'inherit')[] },
  ): ChildProcess;
}

declare module 'node:fs' {
  export function existsSync(path: string): boolean;
  export function mkdirSync(path: string, options?: { recursive?: boolean }): string | undefined;
  export function mkdtempSync(prefix: string): string;
  export function rmSync(path: string, options?: { recursive?: boolean; force?: boolean }): void;
  export function writeFileSync(path: string, data: string | Uint8Array): void;
  /** Sets a file's length; a new length past the end reads as zeros (sparse where the disk allows). */
  export function truncateSync(path: string, length: number): void;
}

declare module 'node:net' {
  export interface Server {
    once(event: 'error', listener: (error: Error) => void): this;
    listen(port: number, host: string, listener: () => void): this;
    address(): { port: number } | string | null;
    close(listener?: () => void): this;
  }
  export function createServer(): Server;
}

declare module 'node:http' {
  export interface IncomingMessage {
    readonly url?: string;
    readonly method?: string;
  }
  export interface ServerResponse {
    writeHead(status: number, headers?: Record<string, string>): this;
    end(body?: string): void;
  }
  export interface Server {
    listen(port: number, host: string, listener: () => void): this;
    address(): { port: number } | string | null;
    close(listener?: () => void): this;
    closeAllConnections(): void;
  }
  export function createServer(handler: (request: IncomingMessage, response: ServerResponse) => void): Server;
}

declare module 'node:os' {
  export function tmpdir(): string;
}

declare module 'node:path' {
  const path: { join(...parts: string[]): string };
  export default path;
}

declare module 'node:url' {
  export function fileURLToPath(url: URL | string): string;
}

declare module 'workerd' {
  /** The path of the workerd binary (CommonJS: under `.default` when imported from ESM). */
  const binary: string | { default: string };
  export default binary;
}
