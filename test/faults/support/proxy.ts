// HAProxy from Debian in front of the suite's app servers, on loopback: round robin with no
// session affinity (each request may reach either server), health checks on /health, and a
// response header naming the server that answered. Absent binary: the caller skips its test.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface Proxy {
  url: string;
  stop(): Promise<void>;
}

/** The haproxy binary, or null when it is not installed (apt-get install haproxy). */
export function haproxyBinary(): string | null {
  for (const p of ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'])
    if (existsSync(p)) return p;
  const r = spawnSync('sh', ['-c', 'command -v haproxy'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : null;
}

/** A free loopback port (the moment it was asked). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const address = s.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      s.close(() => resolve(port));
    });
  });
}

/** Starts HAProxy balancing over `backends` (name -> http://127.0.0.1:port). */
export async function startHaproxy(backends: Record<string, string>): Promise<Proxy> {
  const bin = haproxyBinary();
  if (!bin) throw new Error('haproxy is not installed');
  const port = await freePort();
  const dir = mkdtempSync(path.join(tmpdir(), 'tri-faults-haproxy-'));
  const servers = Object.entries(backends)
    .map(([name, url]) => `  server ${name} ${new URL(url).host} check`)
    .join('\n');
  const cfg = `global
  maxconn 4096
defaults
  mode http
  timeout connect 2s
  timeout client 300s
  timeout server 300s
  retries 2
  retry-on conn-failure
  option redispatch
  option forwardfor
frontend triangulate
  bind 127.0.0.1:${port}
  default_backend app
backend app
  balance roundrobin
  option httpchk GET /health
  http-check expect status 200
  default-server inter 500 fall 2 rise 2
  http-response set-header X-Backend %[srv_name]
${servers}
`;
  const file = path.join(dir, 'haproxy.cfg');
  writeFileSync(file, cfg);
  const child: ChildProcess = spawn(bin, ['-db', '-f', file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    if (child.exitCode !== null) throw new Error(`haproxy exited:\n${out}`);
    const ok = await fetch(`${url}/health`, { signal: AbortSignal.timeout(1000) })
      .then((r) => r.status === 200)
      .catch(() => false);
    if (ok) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    stop: () =>
      new Promise((done) => {
        const finish = (): void => {
          rmSync(dir, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null || child.signalCode !== null) return finish();
        child.once('exit', finish);
        child.kill('SIGTERM');
      }),
  };
}
