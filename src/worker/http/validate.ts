import type { Context } from 'hono';
import type { z } from 'zod';
import { AppError } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import { describeIssues } from '../../shared/validation';
import { readBoundedBytes } from './bounded-body';

/** Reads a JSON body of bounded size and checks it against `schema`. */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const type = c.req.header('Content-Type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new AppError('bad_request', 'Send the body as application/json');
  const bytes = await readBoundedBytes(c.req.raw, LIMITS.jsonBodyMax, `A request body is at most ${LIMITS.jsonBodyMax} bytes`);
  const text = new TextDecoder().decode(bytes);
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
