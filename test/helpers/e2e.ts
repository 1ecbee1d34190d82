// End-to-end plumbing: the real server (`triangulate serve --demo`) on a free port with a temporary
// data folder, Debian's Chromium driven by playwright-core, and axe-core checks on every page.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { projectRoot } from '../../src/paths.js';
import { copyPrivateFolder, seededDemoFolder } from './e2e-demo-template.js';
import { layoutProblems } from './e2e-layout.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa'];

export interface RunningServer {
  url: string;
  password: string;
  dataDir: string;
  output: () => string;
  stop(): Promise<void>;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

interface SpawnOptions {
  timeoutMs: number;
  dataDir: string;
  password: string;
  /** The app clock's starting instant (TRIANGULATE_NOW), when not the tests' own. */
  now?: string;
  /** A folder of published reports for `serve --demo` to import after start (default: none). */
  corpusDir?: string;
}

/** Starts `node bin/triangulate.js serve --demo` and resolves once it prints "ready". */
async function spawnServer(
  options: SpawnOptions,
): Promise<{ url: string; output: () => string; kill: () => Promise<void> }> {
  const root = projectRoot();
  if (!existsSync(path.join(root, 'dist', 'src', 'cli', 'main.js'))) {
    throw new Error('The app is not built: run `npm run build` before the end-to-end tests.');
  }
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    TRIANGULATE_DATA_DIR: options.dataDir,
    TRIANGULATE_DEMO_PASSWORD: options.password,
    TRIANGULATE_LOG_LEVEL: 'warn',
    // `serve --demo` would import ../shared/reference/corpus in the background: not in e2e runs
    // (each file's server would read 422 reports); a file that wants a corpus sets its own.
    TRIANGULATE_CORPUS_DIR: options.corpusDir ?? 'off',
    ...(options.now ? { TRIANGULATE_NOW: options.now } : {}),
  };
  // Always the embedded database in its own temporary folder.
  delete env.DATABASE_URL;
  const child: ChildProcess = spawn(process.execPath, ['bin/triangulate.js', 'serve', '--demo'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const kill = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    }
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`server not ready after ${options.timeoutMs} ms:\n${out}`)),
        options.timeoutMs,
      );
      const check = (): void => {
        if (/ready at/.test(out)) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', check);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
      });
    });
  } catch (err) {
    await kill();
    throw err;
  }
  return { url: `http://localhost:${port}`, output: () => out, kill };
}

/**
 * The real server on a free port. Without a prepared data folder it starts from a copy of a
 * folder where `serve --demo` seeded the demo once for the whole run (e2e-demo-template.ts), so
 * each file has its own database without paying for the seed again.
 */
export async function startServer(
  timeoutMs = 90_000,
  /** A data folder prepared beforehand (deleted on stop like the default one). */
  preparedDataDir?: string,
): Promise<RunningServer> {
  let dataDir = preparedDataDir;
  let password = `e2e-demo-password-${process.pid}`;
  let now: string | undefined;
  if (!dataDir) {
    // The one seed of the run may take longer than a start on a busy machine.
    const template = await seededDemoFolder((folder, pw) =>
      spawnServer({ timeoutMs: Math.max(timeoutMs, 240_000), dataDir: folder, password: pw }),
    );
    dataDir = mkdtempSync(path.join(tmpdir(), 'triangulate-e2e-'));
    copyPrivateFolder(template.dataDir, dataDir);
    password = template.password;
    now = template.seededUntil;
  }
  const folder = dataDir;
  const server = await spawnServer({
    timeoutMs,
    dataDir: folder,
    password,
    ...(now ? { now } : {}),
  });
  return {
    url: server.url,
    password,
    dataDir: folder,
    output: server.output,
    stop: async () => {
      await server.kill();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM))
    throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}

const axeSource = (): string =>
  readFileSync(path.join(projectRoot(), 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
let cachedAxe: string | null = null;

interface AxeNode {
  target: string[];
  html: string;
  failureSummary?: string;
}
interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: AxeNode[];
}

/**
 * Runs axe-core on the page, then the layout check at 1280 px and 768 px (e2e-layout.ts), so every
 * page a test checks for accessibility is also checked for layout; returns the problems as
 * readable text (empty when none).
 */
export async function axeViolations(page: Page): Promise<string[]> {
  return [...(await axeOnly(page)), ...(await layoutProblems(page))];
}

async function axeOnly(page: Page): Promise<string[]> {
  cachedAxe ??= axeSource();
  const present = await page.evaluate(
    () => typeof (window as unknown as { axe?: unknown }).axe !== 'undefined',
  );
  if (!present) await page.addScriptTag({ content: cachedAxe });
  const violations = await page.evaluate(async (tags) => {
    const axe = (
      window as unknown as {
        axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return result.violations;
  }, AXE_TAGS);
  return (violations as AxeViolation[]).map(
    (v) =>
      `${page.url()}\n  ${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n  ${v.helpUrl}\n` +
      v.nodes
        .map(
          (n) =>
            `    at ${n.target.join(' ')}\n      ${n.html.slice(0, 200)}\n      ${(n.failureSummary ?? '').replace(/\n/g, '\n      ')}`,
        )
        .join('\n'),
  );
}
