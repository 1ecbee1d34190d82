// One place that turns errors into responses: JSON for the API, a GOV.UK error page for HTML.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { isConnectionLost } from '../../data/connection-errors.js';
import { AppError, isAppError, type ErrorDetail } from '../../errors.js';

export function toAppError(err: unknown): AppError {
  if (isAppError(err)) return err;
  if (err instanceof ZodError) {
    return new AppError('VALIDATION_FAILED', {
      details: err.issues.map((i): ErrorDetail => ({ field: i.path.join('.'), reason: i.message })),
    });
  }
  if (isConnectionLost(err)) return new AppError('DATABASE_UNAVAILABLE', { cause: err });
  const fe = err as FastifyError;
  if (fe?.statusCode === 413) return new AppError('UPLOAD_TOO_LARGE');
  if (fe?.statusCode === 415) return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (fe?.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError('VALIDATION_FAILED', { message: fe.message });
  }
  return new AppError('INTERNAL', { cause: err });
}

export const isApiRequest = (request: FastifyRequest): boolean => request.url.startsWith('/api/');

export function registerErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((err, request, reply) => {
    const appErr = toAppError(err);
    if (appErr.code === 'INTERNAL') request.log.error({ err }, 'unhandled error');
    if (appErr.code === 'DATABASE_UNAVAILABLE') {
      request.log.warn({ err }, 'database unavailable');
      void reply.header('retry-after', '5');
    }
    return sendError(request, reply, appErr);
  });
  app.setNotFoundHandler((request, reply) => sendError(request, reply, new AppError('NOT_FOUND')));
}

export function sendError(
  request: FastifyRequest,
  reply: FastifyReply,
  appErr: AppError,
): FastifyReply {
  reply.status(appErr.status);
  if (isApiRequest(request)) {
    return reply.send({
      error: { code: appErr.code, message: appErr.message, details: appErr.details },
    });
  }
  if (appErr.code === 'UNAUTHENTICATED') {
    const next = encodeURIComponent(request.url);
    return reply.status(303).redirect(`/sign-in?next=${next}`);
  }
  return reply.render('error.njk', { error: appErr, status: appErr.status });
}
