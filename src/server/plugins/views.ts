// Server-rendered pages with Nunjucks and GOV.UK Frontend's own macros.
import path from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import nunjucks from 'nunjucks';
import { policies } from '../../domain/access/policies.js';
import { roleLabels } from '../../domain/access/roles.js';
import { stateLabels, stateTagColours } from '../../domain/activities/lifecycle.js';
import { govukDir, viewsDir } from '../../paths.js';
import { dateTimeText } from '../../domain/calendar/format.js';
import { countOf } from '../../domain/wording/plural.js';

declare module 'fastify' {
  interface FastifyReply {
    render(template: string, locals?: Record<string, unknown>): FastifyReply;
  }
}

const dateFormat = new Intl.DateTimeFormat('en-GB', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'Europe/London',
});

export function createViewEnvironment(): nunjucks.Environment {
  const env = new nunjucks.Environment(
    new nunjucks.FileSystemLoader([viewsDir(), govukDir()], {
      noCache: process.env.NODE_ENV === 'development',
    }),
    { autoescape: true, throwOnUndefined: false },
  );
  // A page lists the same few hundred days again and again (the national risk view: 50 rows of
  // five dates each): a day's text is worked out once (Intl's formatting is most of the cost).
  const dayTexts = new Map<string, string>();
  env.addFilter('date', (value: unknown) => {
    if (!value) return '';
    if (typeof value === 'string' && dayTexts.has(value)) return dayTexts.get(value);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
      const d = new Date(`${value}T12:00:00Z`);
      const text = Number.isNaN(d.getTime()) ? value : dateFormat.format(d);
      if (dayTexts.size >= 20_000) dayTexts.clear();
      dayTexts.set(value, text);
      return text;
    }
    const d = new Date(value as string);
    return Number.isNaN(d.getTime()) ? String(value) : dateFormat.format(d);
  });
  // GOV.UK style: "6 December 2026, 6:44pm".
  env.addFilter('datetime', (value: unknown) => {
    if (!value) return '';
    const d = new Date(value as string);
    return Number.isNaN(d.getTime()) ? String(value) : dateTimeText(d);
  });
  env.addFilter('stateLabel', (s: string) => stateLabels[s as keyof typeof stateLabels] ?? s);
  env.addFilter(
    'stateColour',
    (s: string) => stateTagColours[s as keyof typeof stateTagColours] ?? 'grey',
  );
  env.addFilter('roleLabel', (r: string) => roleLabels[r as keyof typeof roleLabels] ?? r);
  // {{ n | countOf('finding') }} -> "1 finding" / "2 findings".
  env.addFilter('countOf', (n: unknown, singular: string, plural?: string) =>
    countOf(Number(n) || 0, singular, plural),
  );
  env.addFilter('json', (v: unknown) => JSON.stringify(v, null, 2));
  // {{ 6000 | number }} -> "6,000".
  env.addFilter('number', (n: unknown) => (Number(n) || 0).toLocaleString('en-GB'));
  return env;
}

export interface NavItem {
  href: string;
  text: string;
  active?: boolean;
}

function navigation(request: FastifyRequest): NavItem[] {
  const actor = request.actor;
  if (!actor || actor.kind !== 'user') return [];
  const items: NavItem[] = [
    { href: '/home', text: 'Home' },
    { href: '/las', text: 'Local authorities' },
  ];
  if (policies.viewNationalRisk(actor)) items.push({ href: '/risk/national', text: 'Risk' });
  else if (actor.region && policies.viewRegionalRisk(actor, actor.region))
    items.push({ href: '/risk/regional', text: 'Risk' });
  // The programme in the menu for regional staff (their own region). National staff and admins
  // open it from the national risk view: their menu would wrap to a third line at 768 px.
  if (!policies.viewNationalRisk(actor) && policies.solveProgramme(actor, actor.region))
    items.push({ href: '/programme', text: 'Programme' });
  if (policies.conveneConsistencyPanel(actor, actor.region))
    items.push({ href: '/consistency-panels', text: 'Consistency panels' });
  if (policies.useResearchStore(actor)) items.push({ href: '/research', text: 'Research' });
  if (policies.manageCalibration(actor)) items.push({ href: '/calibration', text: 'Calibration' });
  if (policies.viewCorpus(actor)) items.push({ href: '/corpus', text: 'Published reports' });
  if (policies.manageUsers(actor)) items.push({ href: '/admin/users', text: 'Users' });
  if (policies.viewAllAudit(actor)) items.push({ href: '/audit', text: 'Audit log' });
  items.push({ href: '/account', text: 'Your account' });
  const current = request.url.split('?')[0] ?? '/';
  return items.map((i) => ({
    ...i,
    active: current === i.href || current.startsWith(`${i.href}/`),
  }));
}

export function registerViews(app: FastifyInstance): void {
  const env = createViewEnvironment();
  app.decorateReply(
    'render',
    function (this: FastifyReply, template: string, locals: Record<string, unknown> = {}) {
      const request = this.request;
      const html = env.render(path.normalize(template), {
        ...locals,
        currentUser: request.actor?.kind === 'user' ? request.actor : null,
        csrfToken: request.session?.csrfToken ?? '',
        cspNonce: request.cspNonce,
        navigation: navigation(request),
        currentPath: request.url,
      });
      return this.type('text/html; charset=utf-8').send(html);
    },
  );
}
