import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import { describeIssues } from '../../shared/validation';

/** Reads a JSON body of bounded size and checks it against `schema`. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError('bad_request', 'Send the body as application/json');
  const text = await readBoundedText(c.req.raw, LIMITS.jsonBodyMax);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new AppError('invalid_body', 'The body is not valid JSON');
  }
  return parse(schema, data, 'invalid_body');
}

export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.output<S> {
  return parse(schema, c.req.query(), 'bad_request');
}

export function readParam<S extends z.ZodType>(c: Context, name: string, schema: S): z.output<S> {
  const parsed = schema.safeParse(c.req.param(name));
  if (!parsed.success) throw new AppError('not_found', 'Not found');
  return parsed.data;
}

function parse<S extends z.ZodType>(schema: S, data: unknown, code: 'invalid_body' | 'bad_request'): z.output<S> {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new AppError(code, describeIssues(parsed.error));
  return parsed.data;
}

/** Reads a body as text, stopping as soon as it passes `max` bytes (a chunked body may declare no length). */
async function readBoundedText(request: Request, max: number): Promise<string> {
  const tooLarge = () => new AppError('payload_too_large', `A request body is at most ${max} bytes`);
  if (Number(request.headers.get('Content-Length') ?? '0') > max) throw tooLarge();
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}
