// One end-to-end test file's world: the real server, Chromium, and the browser profiles it opens
// (each closed by stop()), with sign-in as a demo account and form submission that waits for the
// next page. Every file used to carry its own copy of these.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_USERS } from '../../src/demo/demo-content.js';
import { launchChromium, startServer, type RunningServer } from './e2e.js';

/** The demo account's e-mail address for a DEMO_USERS key ("lead", "la"...). */
export const demoEmail = (key: string): string =>
  DEMO_USERS.find((u) => u.key === key)?.email ?? key;

export interface PageOptions {
  javaScriptEnabled?: boolean;
  /**
   * axe-core is injected as an inline script, which the app's CSP rightly forbids, so profiles
   * bypass CSP unless a test checks CSP itself.
   */
  bypassCSP?: boolean;
  acceptDownloads?: boolean;
  viewport?: { width: number; height: number };
}

export class E2eRun {
  private readonly contexts: BrowserContext[] = [];

  private constructor(
    readonly server: RunningServer,
    readonly browser: Browser,
  ) {}

  /**
   * `serverTimeoutMs`: how long the demo may take to seed (longer on a busy machine);
   * `dataDir`: a data folder prepared beforehand (then no demo is seeded).
   */
  static async start(
    options: { dataDir?: string; serverTimeoutMs?: number } = {},
  ): Promise<E2eRun> {
    const [server, browser] = await Promise.all([
      startServer(options.serverTimeoutMs, options.dataDir),
      launchChromium(),
    ]);
    return new E2eRun(server, browser);
  }

  url(path: string): string {
    return `${this.server.url}${path}`;
  }

  /** A page in a fresh browser profile. */
  async newPage(options: PageOptions = {}): Promise<Page> {
    const context = await this.browser.newContext({
      viewport: options.viewport ?? { width: 1280, height: 900 },
      bypassCSP: options.bypassCSP ?? true,
      javaScriptEnabled: options.javaScriptEnabled ?? true,
      acceptDownloads: options.acceptDownloads ?? false,
    });
    this.contexts.push(context);
    return context.newPage();
  }

  /** Signs the page in as a demo account through the sign-in form. */
  async signIn(page: Page, key: string, password = this.server.password): Promise<void> {
    await page.goto(this.url('/sign-in'));
    await page.fill('#email', demoEmail(key));
    await page.fill('#password', password);
    await submit(page, 'Sign in');
  }

  /** A fresh profile signed in as a demo account. */
  async signedIn(key: string, options: PageOptions = {}): Promise<Page> {
    const page = await this.newPage(options);
    await this.signIn(page, key);
    return page;
  }

  /** The demo's standard inspection, as a path ("/activities/<id>"), from the home page. */
  async demoActivityPath(page: Page): Promise<string> {
    await page.goto(this.url('/home'));
    const href = await page
      // The demo inspection at Northfield, not the published demo inspections elsewhere.
      .locator('a', { hasText: 'Standard inspection Northfield' })
      .first()
      .getAttribute('href');
    if (!href) throw new Error('The demo activity is not listed on the home page.');
    return href;
  }

  async stop(): Promise<void> {
    for (const c of this.contexts) await c.close().catch(() => undefined);
    await this.browser?.close();
    await this.server?.stop();
  }
}

/** Clicks the named button and waits for the page it leads to. */
export async function submit(page: Page, button: string): Promise<void> {
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: button }).click()]);
}
