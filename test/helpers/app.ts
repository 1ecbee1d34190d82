// The web application on a fresh test database with the demo seeded, and a small "browser" that
// signs in through the real form and carries the session cookie and CSRF token.
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { loadActivityTypeCatalog } from '../../src/domain/frameworks/catalog.js';
import { nowMs } from '../../src/clock.js';
import { buildApp } from '../../src/server/app.js';
import type { AttachmentSettings } from '../../src/domain/files/attachment-check.js';
import type { DemoSeedResult } from '../../src/demo/seed-demo.js';
import { DEMO_USERS } from '../../src/demo/demo-content.js';
import type { TestDatabase } from './database.js';
import { createDemoTestDatabase } from './demo-template.js';

export const DEMO_PASSWORD = 'demo-password-for-tests-123';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  demo: DemoSeedResult;
  close(): Promise<void>;
}

/** Builds the app on a new database and seeds the demo (every demo account has DEMO_PASSWORD). */
export async function createTestApp(
  options: { attachments?: AttachmentSettings } = {},
): Promise<TestApp> {
  const { database, demo } = await createDemoTestDatabase(DEMO_PASSWORD);
  const catalog = loadActivityTypeCatalog();
  const app = await buildApp({
    config: {
      logLevel: 'silent',
      sessionSecret: undefined,
      ...(options.attachments ? { attachments: options.attachments } : {}),
    },
    database,
    catalog,
  });
  await app.ready();
  return {
    app,
    database,
    demo,
    close: async () => {
      await app.close();
      await database.destroy();
    },
  };
}

/** The demo account's email for a key of DEMO_USERS (admin, lead, la, ...). */
export function demoEmail(key: string): string {
  const u = DEMO_USERS.find((d) => d.key === key);
  if (!u) throw new Error(`No demo user ${key}`);
  return u.email;
}

/** The value of the hidden _csrf input on a page, if any. */
export function csrfFrom(html: string): string | undefined {
  return /name="_csrf" value="([^"]*)"/.exec(html)?.[1];
}

/** Decodes the few HTML entities Nunjucks' autoescape produces, for assertions on text. */
export function decodeHtml(html: string): string {
  return html
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

export type Form = Record<string, string | string[]>;

function encodeForm(form: Form): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(form)) {
    for (const item of Array.isArray(v) ? v : [v]) params.append(k, item);
  }
  return params.toString();
}

/** One person's browser: cookies and the session's CSRF token. */
export class WebClient {
  readonly cookies = new Map<string, string>();
  csrfToken: string | undefined;

  constructor(readonly app: FastifyInstance) {}

  private cookieHeader(): string | undefined {
    if (this.cookies.size === 0) return undefined;
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: LightMyRequestResponse): LightMyRequestResponse {
    for (const c of res.cookies as {
      name: string;
      value: string;
      expires?: Date;
      maxAge?: number;
    }[]) {
      const expired =
        (c.expires && c.expires.getTime() <= nowMs()) || c.maxAge === 0 || c.value === '';
      if (expired) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = csrfFrom(res.body);
    if (token) this.csrfToken = token;
    return res;
  }

  async get(url: string): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader();
    return this.remember(
      await this.app.inject({ method: 'GET', url, headers: cookie ? { cookie } : {} }),
    );
  }

  /** Posts a form; the CSRF token is added unless `csrf: false`. */
  async post(
    url: string,
    form: Form = {},
    opts: { csrf?: boolean } = {},
  ): Promise<LightMyRequestResponse> {
    const cookie = this.cookieHeader();
    const body = opts.csrf === false || !this.csrfToken ? form : { _csrf: this.csrfToken, ...form };
    return this.remember(
      await this.app.inject({
        method: 'POST',
        url,
        payload: encodeForm(body),
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          ...(cookie ? { cookie } : {}),
        },
      }),
    );
  }

  /** Signs in through the form; throws unless it succeeds. Fetches a page to learn the CSRF token. */
  async signIn(email: string, password = DEMO_PASSWORD): Promise<this> {
    const res = await this.post('/sign-in', { email, password });
    if (res.statusCode !== 303) throw new Error(`sign-in as ${email} failed: ${res.statusCode}`);
    const page = await this.get(res.headers.location as string);
    if (!this.csrfToken)
      throw new Error(`no CSRF token on ${String(res.headers.location)} (${page.statusCode})`);
    return this;
  }
}

/** A signed-in client for a demo account (by DEMO_USERS key). */
export async function signInAs(t: TestApp, key: string): Promise<WebClient> {
  return new WebClient(t.app).signIn(demoEmail(key));
}

/** The GOV.UK error summary's entries (link target and text), in order. */
export function errorSummary(html: string): { href: string | null; text: string }[] {
  const summary = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0];
  if (!summary) return [];
  return [
    ...summary.matchAll(/<li>\s*(?:<a href="([^"]*)"[^>]*>)?([\s\S]*?)(?:<\/a>)?\s*<\/li>/g),
  ].map((m) => ({
    href: m[1] ?? null,
    text: decodeHtml((m[2] ?? '').replace(/<[^>]+>/g, '').trim()),
  }));
}

/** Every error-summary link must point at an element on the page (field ids match anchors). */
export function brokenErrorAnchors(html: string): string[] {
  return errorSummary(html)
    .flatMap((e) => (e.href ? [e.href] : []))
    .filter((href) => !html.includes(`id="${href.slice(1)}"`));
}

/**
 * Stricter than brokenErrorAnchors: every error-summary link must target the id of an enabled
 * form control (input, select, textarea), which is what the GOV.UK error summary focuses.
 * Returns the hrefs that do not.
 */
export function unfocusableErrorAnchors(html: string): string[] {
  return errorSummary(html)
    .flatMap((e) => (e.href ? [e.href] : []))
    .filter((href) => {
      const id = href.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      const tag = new RegExp(`<(input|select|textarea)\\b[^>]*\\bid="${id}"[^>]*>`).exec(html);
      return !tag || /\bdisabled\b|type="hidden"/.test(tag[0]);
    });
}

/** The text of the page's h1. */
export function h1(html: string): string {
  return decodeHtml(
    (/<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1] ?? '').replace(/<[^>]+>/g, '').trim(),
  );
}
