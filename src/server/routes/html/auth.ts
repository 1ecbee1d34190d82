import { z } from 'zod';
import { SESSION_ABSOLUTE_HOURS } from '../../../domain/auth/session-token.js';
import { isAppError } from '../../../errors.js';
import { signIn } from '../../../usecases/auth/sign-in.js';
import { signOut } from '../../../usecases/auth/sign-out.js';
import { SESSION_COOKIE } from '../../plugins/session.js';
import { errorList, safeNext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const SignInForm = z.object({
  email: z.string().default(''),
  password: z.string().default(''),
  next: z.string().optional(),
});

export const registerAuthRoutes: RouteModule = (app, ctx) => {
  app.get('/', async (request, reply) => reply.redirect(request.actor ? '/home' : '/sign-in'));

  app.get('/sign-in', async (request, reply) => {
    if (request.actor) return reply.redirect('/home');
    const next = safeNext((request.query as { next?: string }).next);
    return reply.render('sign-in.njk', { next, values: {} });
  });

  app.post('/sign-in', async (request, reply) => {
    const form = SignInForm.parse(request.body ?? {});
    const next = safeNext(form.next);
    const errors: { field: string; reason: string }[] = [];
    if (!form.email.trim()) errors.push({ field: 'email', reason: 'Enter your email address' });
    if (!form.password) errors.push({ field: 'password', reason: 'Enter your password' });
    if (errors.length === 0) {
      try {
        const r = await signIn({ db: ctx.database.db, secret: ctx.secret }, form, request.ip);
        reply.setCookie(SESSION_COOKIE, r.token, {
          path: '/',
          httpOnly: true,
          secure: true,
          sameSite: 'lax',
          // Max-Age, not Expires: a browser whose clock differs from the server's (a demo with
          // TRIANGULATE_NOW set) keeps the cookie for the session's whole life all the same.
          maxAge: SESSION_ABSOLUTE_HOURS * 3600,
        });
        return reply.redirect(r.user.mustChangePassword ? '/account/password' : next, 303);
      } catch (err) {
        if (!isAppError(err) || (err.code !== 'INVALID_CREDENTIALS' && err.code !== 'RATE_LIMITED'))
          throw err;
        errors.push({ field: 'email', reason: err.message });
        reply.status(err.status);
      }
    }
    return reply.render('sign-in.njk', {
      next,
      values: { email: form.email },
      errors: errorList(errors),
    });
  });

  app.post('/sign-out', async (request, reply) => {
    if (request.session && request.actor) {
      await signOut({ db: ctx.database.db, actor: request.actor }, request.session.sessionId);
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/', secure: true, httpOnly: true, sameSite: 'lax' });
    return reply.redirect('/sign-in', 303);
  });
};
