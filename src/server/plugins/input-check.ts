// One central check on every request's text input (query, path parameters, JSON and form
// bodies, multipart text fields): control characters other than tab, newline and carriage
// return are refused with a 400 naming the field. PostgreSQL cannot store U+0000 in text at all,
// and the other C0 controls have no place in names, memos or filters; checking here, before any
// handler, means no route can forget.
import type { FastifyInstance } from 'fastify';
import { AppError, type ErrorDetail } from '../../errors.js';

// eslint-disable-next-line no-control-regex
const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** The fields (dotted paths) of a parsed input that hold a forbidden control character. */
export function controlCharacterProblems(value: unknown, prefix = ''): ErrorDetail[] {
  const out: ErrorDetail[] = [];
  const walk = (v: unknown, path: string, depth: number): void => {
    if (out.length >= 20 || depth > 32) return;
    if (typeof v === 'string') {
      if (FORBIDDEN.test(v))
        out.push({
          field: path || 'value',
          reason: 'must not contain control characters (such as NUL)',
        });
      return;
    }
    if (v === null || typeof v !== 'object') return;
    // Plain data only: an upload's unread stream or a file's bytes are not text fields.
    const proto = Object.getPrototypeOf(v) as unknown;
    // (Query strings parse into objects whose prototype has a null prototype.)
    const plain =
      proto === Object.prototype ||
      proto === null ||
      Object.getPrototypeOf(proto as object) === null;
    if (!Array.isArray(v) && !plain) return;
    if (Array.isArray(v)) {
      v.forEach((item, i) => walk(item, path ? `${path}.${i}` : String(i), depth + 1));
      return;
    }
    for (const [k, item] of Object.entries(v)) {
      // Uploaded files are checked by their own readers; _lists repeats the multipart fields.
      if (depth === 0 && (k === '_files' || k === '_lists')) continue;
      const key = path ? `${path}.${k}` : k;
      if (FORBIDDEN.test(k))
        out.push({
          field: JSON.stringify(key),
          reason: 'field names must not contain control characters',
        });
      else walk(item, key, depth + 1);
    }
  };
  walk(value, prefix, 0);
  return out;
}

/** Throws VALIDATION_FAILED naming every field with a forbidden control character. */
export function assertNoControlCharacters(...inputs: unknown[]): void {
  const details = inputs.flatMap((input) => controlCharacterProblems(input));
  if (details.length > 0)
    throw new AppError('VALIDATION_FAILED', {
      message: 'The request contains characters that are not allowed.',
      details,
    });
}

export function registerInputCheck(app: FastifyInstance): void {
  // Upload forms are parsed later (plugins/uploads.ts), which checks their fields the same way.
  app.addHook('preValidation', async (request) =>
    assertNoControlCharacters(request.params, request.query, request.body),
  );
}
