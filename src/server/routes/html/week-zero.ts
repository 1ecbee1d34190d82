// An activity's week-zero material (/activities/:id/week-zero): the LA's risk picture, recent
// intelligence, the last report's areas for improvement, with a button on each item that makes
// it a line of enquiry linked to it.
import { z } from 'zod';
import { getWeekZero } from '../../../usecases/week-zero/get-week-zero.js';
import {
  makeEnquiryFromItem,
  type MakeEnquiryFromItemInput,
} from '../../../usecases/week-zero/make-enquiry-from-item.js';
import { noticeFor } from '../form-problems.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });
const Query = z.object({ done: z.string().max(50).optional() });
const Form = z.object({
  kind: z.string().max(50).default(''),
  ref: z.string().max(200).default(''),
});

export const registerWeekZeroRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/week-zero', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const { done } = Query.parse(request.query);
    const page = await getWeekZero(useCaseContext(request, ctx), { activityId: id });
    return reply.render('week-zero/show.njk', {
      ...page,
      notice: noticeFor(done, {
        linked: 'The line of enquiry has been made and stays linked to its item.',
      }),
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: page.activity.title, href: `/activities/${page.activity.id}` },
      ],
    });
  });

  app.post('/activities/:id/week-zero/enquiries', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const form = Form.parse(request.body ?? {});
    // The use case checks access first, then the kind and the item.
    await makeEnquiryFromItem(useCaseContext(request, ctx), {
      activityId: id,
      kind: form.kind as MakeEnquiryFromItemInput['kind'],
      ref: form.ref,
    });
    return reply.redirect(`/activities/${id}/week-zero?done=linked`, 303);
  });
};
