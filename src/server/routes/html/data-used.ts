// The "data used" pages (issue 16, Munro rec 5): one inspection's statement (the inspectorate as
// the work goes on, the LA once published) and, for national staff, the Annex A items and other
// documents that published inspections never use.
import { z } from 'zod';
import { useLevelLabels } from '../../../domain/data-used/statement.js';
import { getDataUsed } from '../../../usecases/data-used/get-data-used.js';
import { getNationalDataUsed } from '../../../usecases/data-used/get-national-data-used.js';
import { useCaseContext } from '../helpers.js';
import type { RouteModule } from '../index.js';

const IdParams = z.object({ id: z.string().max(200) });

export const registerDataUsedRoutes: RouteModule = (app, ctx) => {
  app.get('/activities/:id/data-used', async (request, reply) => {
    const { id } = IdParams.parse(request.params);
    const view = await getDataUsed(useCaseContext(request, ctx), { activityId: id });
    return reply.render('data-used/show.njk', {
      view,
      levelLabels: useLevelLabels,
      breadcrumbs: [
        { text: 'Home', href: '/home' },
        { text: view.activity.title, href: `/activities/${view.activity.id}` },
      ],
    });
  });

  app.get('/data-used/national', async (request, reply) => {
    const view = await getNationalDataUsed(useCaseContext(request, ctx));
    const byKind = (k: string) => view.items.filter((i) => i.kind === k);
    return reply.render('data-used/national.njk', {
      view,
      lists: byKind('list'),
      indicators: byKind('indicator'),
      documents: byKind('document'),
      breadcrumbs: [{ text: 'Home', href: '/home' }],
    });
  });
};
