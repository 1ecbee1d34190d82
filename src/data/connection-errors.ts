// Recognises errors that mean "the database went away" (restart, failover, pg_terminate_backend,
// network cut, embedded worker gone) as opposed to errors in the query itself. Requests that meet
// one are answered 503 DATABASE_UNAVAILABLE; PostgreSQL has already rolled back any transaction
// whose connection broke, so nothing is half applied.

// SQLSTATE class 08 (connection exception), 57P01-57P03 (admin/crash shutdown, cannot connect
// now: the server is starting or stopping), 53300 (too many connections).
const SQLSTATE = /^(08...|57P0[1-3]|53300)$/;
const NODE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'EAI_AGAIN',
]);
// node-postgres reports a broken or unreachable server with plain Errors, recognisable by message.
const MESSAGES = [
  /^Connection terminated/,
  /not queryable/,
  /^timeout exceeded when trying to connect/,
  /^Client was closed and is not queryable/,
  /^Connection ended/,
  /database worker exited/,
];

export function isConnectionLost(err: unknown, depth = 0): boolean {
  if (!err || typeof err !== 'object' || depth > 4) return false;
  const e = err as { code?: unknown; message?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && (SQLSTATE.test(e.code) || NODE_CODES.has(e.code))) return true;
  if (typeof e.message === 'string' && MESSAGES.some((m) => m.test(e.message as string)))
    return true;
  // AggregateError (several addresses refused) and wrapped causes.
  if (Array.isArray(e.errors) && e.errors.some((x) => isConnectionLost(x, depth + 1))) return true;
  return isConnectionLost(e.cause, depth + 1);
}
