// The real server as a separate process (`triangulate serve`, built JavaScript), so that a fault
// that would kill it shows as a dead process, plus the CLI and a small HTTP client for load.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const bin = path.join(root, 'bin', 'triangulate.js');

export interface AppProcess {
  url: string;
  child: ChildProcess;
  alive(): boolean;
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export function cli(
  env: NodeJS.ProcessEnv,
  args: string[],
): { status: number; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [bin, ...args], {
    env: childEnv(env),
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Environment for a child: an empty string removes a variable (e.g. DATABASE_URL: ''). */
function childEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [k, v] of Object.entries(env)) if (v === '') delete out[k];
  return out;
}

export function startApp(env: NodeJS.ProcessEnv, args: string[] = []): Promise<AppProcess> {
  const child = spawn(process.execPath, [bin, 'serve', ...args], {
    // No background import of the real published reports: it would load the machine under test.
    env: childEnv({
      HOST: '127.0.0.1',
      PORT: '0',
      TRIANGULATE_LOG_LEVEL: 'warn',
      TRIANGULATE_CORPUS_DIR: 'off',
      ...env,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 180_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${code}) before it was ready:\n${out}`));
    });
    const check = (): void => {
      const m = /ready at (http:\/\/\S+)/.exec(out);
      if (!m) return;
      clearTimeout(timer);
      child.stdout.off('data', check);
      resolve({
        url: m[1]!.replace('localhost', '127.0.0.1'),
        child,
        alive: () => child.exitCode === null && child.signalCode === null,
        output: () => out,
        stop: (signal = 'SIGTERM') =>
          new Promise((done) => {
            if (child.exitCode !== null || child.signalCode !== null) return done();
            child.once('exit', () => done());
            child.kill(signal);
          }),
      });
    };
    child.stdout.on('data', check);
  });
}

export interface Answer {
  status: number;
  body: unknown;
  ms: number;
}

/** One JSON request; a network failure is status 0 (the load tests count those too). */
export async function request(
  url: string,
  init: { method?: string; body?: unknown; token?: string; timeoutMs?: number } = {},
): Promise<Answer> {
  const t0 = performance.now();
  try {
    const res = await fetch(url, {
      method: init.method ?? 'GET',
      headers: {
        ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(init.token ? { authorization: `Bearer ${init.token}` } : {}),
      },
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
      signal: AbortSignal.timeout(init.timeoutMs ?? 30_000),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {
      // not JSON
    }
    return { status: res.status, body, ms: performance.now() - t0 };
  } catch {
    return { status: 0, body: null, ms: performance.now() - t0 };
  }
}

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return (
    Math.round(sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]! * 10) /
    10
  );
}

/** Seeds the demo through the CLI and signs in as its lead inspector. */
export async function demoInspector(
  env: NodeJS.ProcessEnv,
  url: string,
): Promise<{ activityId: string; token: string; email: string; password: string }> {
  const seeded = cli(env, ['demo', 'seed', '--json']);
  if (seeded.status !== 0) throw new Error(`demo seed failed: ${seeded.stderr}${seeded.stdout}`);
  const demo = JSON.parse(seeded.stdout) as {
    activityId: string;
    users: { email: string; teamRole: string | null; password: string | null }[];
  };
  const lead = demo.users.find((u) => u.teamRole === 'lead_inspector');
  if (!lead?.password) throw new Error('demo lead inspector not found');
  const login = await request(`${url}/api/v1/sessions`, {
    method: 'POST',
    body: { email: lead.email, password: lead.password },
  });
  if (login.status !== 200) throw new Error(`sign-in answered ${login.status}`);
  return {
    activityId: demo.activityId,
    token: (login.body as { token: string }).token,
    email: lead.email,
    password: lead.password,
  };
}
