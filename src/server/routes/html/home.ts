import { z } from 'zod';
import { isAppError } from '../../../errors.js';
import { getHome } from '../../../usecases/home/get-home.js';
import { listMyNotifications } from '../../../usecases/notifications/list-my-notifications.js';
import { changePassword } from '../../../usecases/users/change-password.js';
import { getMyAccount } from '../../../usecases/users/get-my-account.js';
import { requireActor } from '../../plugins/session.js';
import { errorList, fieldErrors, useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';
import { viewLabels } from './las.js';

const PasswordForm = z.object({
  currentPassword: z.string().default(''),
  newPassword: z.string().default(''),
  confirmPassword: z.string().default(''),
});

export const registerHomeRoutes: RouteModule = (app, ctx) => {
  app.get('/home', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const home = await getHome(uc);
    const notifications = await listMyNotifications(uc, { unreadOnly: true });
    return reply.render('home.njk', { ...home, notifications, la: home.las[0], ...viewLabels });
  });

  app.get('/account', async (request, reply) => {
    requireActor(request);
    const account = await getMyAccount(useCaseContext(request, ctx));
    return reply.render('account.njk', { account });
  });

  app.get('/account/password', async (request, reply) => {
    requireActor(request);
    return reply.render('account-password.njk', {
      mustChange: request.session?.mustChangePassword ?? false,
    });
  });

  app.post('/account/password', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const form = PasswordForm.parse(request.body ?? {});
    const problems: { field: string; reason: string }[] = [];
    if (form.newPassword !== form.confirmPassword)
      problems.push({ field: 'confirmPassword', reason: 'The passwords do not match' });
    if (problems.length === 0 && uc.actor.kind === 'user') {
      try {
        await changePassword(
          uc,
          {
            userId: uc.actor.userId,
            currentPassword: form.currentPassword,
            newPassword: form.newPassword,
          },
          request.session?.sessionId,
        );
        return reply.render('account.njk', {
          account: await getMyAccount(uc),
          notice: 'Your password has been changed. You have been signed out everywhere else.',
        });
      } catch (err) {
        if (!isAppError(err) || err.code !== 'VALIDATION_FAILED') throw err;
        problems.push(
          ...err.details.map((d) => ({ field: d.field ?? 'newPassword', reason: d.reason })),
        );
      }
    }
    reply.status(400);
    return reply.render('account-password.njk', {
      errors: errorList(problems),
      fieldErrors: fieldErrors(problems),
    });
  });
};
