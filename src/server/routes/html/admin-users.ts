// Account administration: list, create and edit accounts, disable or enable them, reset passwords.
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { ofstedRegions, roleLabels, roles } from '../../../domain/access/roles.js';
import { changePassword } from '../../../usecases/users/change-password.js';
import { createUser } from '../../../usecases/users/create-user.js';
import {
  getUserAdminForm,
  type UserAdminForm,
} from '../../../usecases/users/get-user-admin-form.js';
import { listUsersForAdmin } from '../../../usecases/users/list-users-for-admin.js';
import { updateUser } from '../../../usecases/users/update-user.js';
import { formErrors, noticeFor, problemsFrom, type Problem } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string() });
const ListQuery = z.object({
  q: z.string().trim().max(200).default(''),
  role: z.enum(roles).or(z.literal('')).default(''),
  status: z.enum(['active', 'disabled']).or(z.literal('')).default(''),
});
const CreateForm = z.object({
  email: z.string().default(''),
  displayName: z.string().default(''),
  role: z.string().default(''),
  region: z.string().default(''),
  laId: z.string().default(''),
  password: z.string().default(''),
  mustChangePassword: z.string().optional(),
});
const EditForm = CreateForm.pick({ displayName: true, role: true, region: true, laId: true });
const StatusForm = z.object({ disabled: z.enum(['true', 'false']) });
const PasswordForm = z.object({ password: z.string().default('') });
const EditQuery = z.object({ done: z.string().optional() });

const notices = {
  created: 'The account has been created. Give the person their temporary password securely.',
  updated: 'The account has been updated.',
  disabled: 'The account has been disabled and signed out everywhere.',
  enabled: 'The account has been enabled.',
  password: 'The password has been reset. They must change it when they next sign in.',
};

const roleOptions = roles.map((r) => ({ value: r, text: roleLabels[r] }));
const isRole = (r: string): r is (typeof roles)[number] => (roles as readonly string[]).includes(r);
const isRegion = (r: string): r is (typeof ofstedRegions)[number] =>
  (ofstedRegions as readonly string[]).includes(r);

/** Checks the account fields a form can fix before asking the use case. */
function scopeProblems(form: { role: string; region: string; laId: string }): Problem[] {
  const problems: Problem[] = [];
  if (!isRole(form.role)) problems.push({ field: 'role', reason: 'Select a role' });
  if (form.role === 'regional' && !isRegion(form.region)) {
    problems.push({ field: 'region', reason: 'Select the Ofsted region' });
  }
  if (form.role === 'la_user' && !form.laId)
    problems.push({ field: 'laId', reason: 'Select the local authority' });
  return problems;
}

function renderForm(
  reply: FastifyReply,
  template: 'admin/users/new.njk' | 'admin/users/edit.njk',
  form: UserAdminForm,
  values: Record<string, unknown>,
  problems: Problem[] = [],
  notice?: string,
): FastifyReply {
  return reply.render(template, {
    ...form,
    values,
    roleOptions,
    regions: ofstedRegions,
    notice,
    ...(problems.length > 0 ? formErrors(problems) : {}),
    breadcrumbs: [
      { text: 'Home', href: '/home' },
      { text: 'Users', href: '/admin/users' },
    ],
  });
}

export const registerAdminUserRoutes: RouteModule = (app, ctx) => {
  app.get('/admin/users', async (request, reply) => {
    const query = ListQuery.safeParse(request.query);
    const filter = query.success ? query.data : { q: '', role: '' as const, status: '' as const };
    const users = await listUsersForAdmin(useCaseContext(request, ctx), {
      ...(filter.q ? { search: filter.q } : {}),
      ...(filter.role ? { role: filter.role } : {}),
      ...(filter.status ? { status: filter.status } : {}),
    });
    return reply.render('admin/users/list.njk', {
      users,
      filter,
      roleOptions,
      roleLabels,
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });

  app.get('/admin/users/new', async (request, reply) => {
    const form = await getUserAdminForm(useCaseContext(request, ctx));
    return renderForm(reply, 'admin/users/new.njk', form, { mustChangePassword: 'true' });
  });

  app.post('/admin/users', async (request, reply) => {
    const uc = useCaseContext(request, ctx);
    const form = CreateForm.parse(request.body ?? {});
    const problems: Problem[] = [];
    if (!form.email.trim()) problems.push({ field: 'email', reason: 'Enter an email address' });
    if (!form.displayName.trim())
      problems.push({ field: 'displayName', reason: 'Enter their name' });
    problems.push(...scopeProblems(form));
    if (!form.password) problems.push({ field: 'password', reason: 'Enter a temporary password' });
    if (problems.length === 0 && isRole(form.role)) {
      try {
        const user = await createUser(uc, {
          email: form.email,
          displayName: form.displayName,
          role: form.role,
          region: form.role === 'regional' && isRegion(form.region) ? form.region : null,
          laId: form.role === 'la_user' ? form.laId : null,
          password: form.password,
          mustChangePassword: form.mustChangePassword === 'true',
        });
        return reply.redirect(`/admin/users/${user.id}?done=created`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED', 'ALREADY_EXISTS'], {
          defaultField: 'email',
        });
        reply.status(r.status);
        problems.push(...r.problems);
      }
    } else {
      reply.status(400);
    }
    const values = { ...form, password: '', mustChangePassword: form.mustChangePassword ?? '' };
    return renderForm(reply, 'admin/users/new.njk', await getUserAdminForm(uc), values, problems);
  });

  app.get('/admin/users/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = EditQuery.parse(request.query);
    const form = await getUserAdminForm(useCaseContext(request, ctx), id);
    const u = form.user;
    const values = { displayName: u?.displayName, role: u?.role, region: u?.region, laId: u?.laId };
    return renderForm(reply, 'admin/users/edit.njk', form, values, [], noticeFor(done, notices));
  });

  app.post('/admin/users/:id', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const form = EditForm.parse(request.body ?? {});
    const problems: Problem[] = [];
    if (!form.displayName.trim())
      problems.push({ field: 'displayName', reason: 'Enter their name' });
    problems.push(...scopeProblems(form));
    if (problems.length === 0 && isRole(form.role)) {
      try {
        await updateUser(uc, {
          userId: id,
          displayName: form.displayName,
          role: form.role,
          region: form.role === 'regional' && isRegion(form.region) ? form.region : null,
          laId: form.role === 'la_user' ? form.laId : null,
        });
        return reply.redirect(`/admin/users/${id}?done=updated`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED'], { defaultField: 'role' });
        reply.status(r.status);
        problems.push(...r.problems);
      }
    } else {
      reply.status(400);
    }
    return renderForm(
      reply,
      'admin/users/edit.njk',
      await getUserAdminForm(uc, id),
      form,
      problems,
    );
  });

  app.post('/admin/users/:id/status', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const { disabled } = StatusForm.parse(request.body ?? {});
    try {
      await updateUser(uc, { userId: id, disabled: disabled === 'true' });
      return reply.redirect(
        `/admin/users/${id}?done=${disabled === 'true' ? 'disabled' : 'enabled'}`,
        303,
      );
    } catch (err) {
      const r = problemsFrom(err, ['VALIDATION_FAILED']);
      reply.status(r.status);
      const form = await getUserAdminForm(uc, id);
      const u = form.user;
      const values = {
        displayName: u?.displayName,
        role: u?.role,
        region: u?.region,
        laId: u?.laId,
      };
      return renderForm(
        reply,
        'admin/users/edit.njk',
        form,
        values,
        r.problems.map((p) => ({ reason: p.reason })),
      );
    }
  });

  app.post('/admin/users/:id/password', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const uc = useCaseContext(request, ctx);
    const { password } = PasswordForm.parse(request.body ?? {});
    let problems: Problem[] = [];
    if (uc.actor.kind === 'user' && uc.actor.userId === id) {
      problems.push({
        field: 'password',
        reason: 'Change your own password from your account page',
      });
    } else if (!password) {
      problems.push({ field: 'password', reason: 'Enter a temporary password' });
    }
    if (problems.length === 0) {
      try {
        await changePassword(uc, { userId: id, newPassword: password });
        return reply.redirect(`/admin/users/${id}?done=password`, 303);
      } catch (err) {
        const r = problemsFrom(err, ['VALIDATION_FAILED'], {
          fields: { newPassword: 'password' },
          defaultField: 'password',
        });
        reply.status(r.status);
        problems = r.problems;
      }
    } else {
      reply.status(400);
    }
    const form = await getUserAdminForm(uc, id);
    const u = form.user;
    const values = { displayName: u?.displayName, role: u?.role, region: u?.region, laId: u?.laId };
    return renderForm(reply, 'admin/users/edit.njk', form, values, problems);
  });
};
