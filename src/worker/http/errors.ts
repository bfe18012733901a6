import type { ErrorHandler } from 'hono';
import { AppError, type ErrorBody } from '../../shared/errors';

export function errorBody(error: AppError): ErrorBody {
  return { error: { code: error.code, message: error.detail, ...error.extra } };
}

/** The one place errors become responses: known errors as JSON, anything else as a plain 500. */
export const onError: ErrorHandler = (error, c) => {
  const known = AppError.from(error);
  if (known) return c.json(errorBody(known), known.status as 400);
  console.error('unhandled error', c.req.method, c.req.path, error);
  return c.json({ error: { code: 'internal', message: 'Something went wrong on the server; try again' } } satisfies ErrorBody, 500);
};
