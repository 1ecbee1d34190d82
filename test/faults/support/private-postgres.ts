// A PostgreSQL server of the fault suite's own, in a temporary folder on a loopback port, so that
// tests can restart or kill it. Never the shared server on 5432. initdb refuses to run as root, so
// as root the server runs as the `postgres` system user (runuser).
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PrivatePostgres {
  port: number;
  url: string;
  /** Stops the server ('immediate' is a crash: no checkpoint, recovery on the next start). */
  stop(mode?: 'fast' | 'immediate'): void;
  start(): void;
  restart(mode?: 'fast' | 'immediate'): void;
  /** Runs SQL through psql as the superuser; returns stdout. */
  psql(sqlText: string): string;
  destroy(): void;
}

function binDir(): string {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root))
    throw new Error('PostgreSQL server binaries not found (apt install postgresql)');
  const version = readdirSync(root)
    .filter((v) => existsSync(path.join(root, v, 'bin', 'initdb')))
    .sort((a, b) => Number(b) - Number(a))[0];
  if (!version) throw new Error('initdb not found under /usr/lib/postgresql/*/bin');
  return path.join(root, version, 'bin');
}

export function startPrivatePostgres(port = 55432): PrivatePostgres {
  const bin = binDir();
  const root = mkdtempSync(path.join(tmpdir(), 'tri-faults-pg-'));
  const data = path.join(root, 'data');
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(root, uid, gid);
  }
  chmodSync(root, 0o700);
  const run = (cmd: string, args: string[]): string => {
    const [file, argv] = asRoot
      ? ['runuser', ['-u', 'postgres', '--', path.join(bin, cmd), ...args]]
      : [path.join(bin, cmd), args];
    const r = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0)
      throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout || r.error?.message}`);
    return r.stdout;
  };
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const opts = `-p ${port} -k ${root} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
  const log = path.join(root, 'server.log');
  const pg: PrivatePostgres = {
    port,
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    start: () => void run('pg_ctl', ['-D', data, '-o', opts, '-l', log, '-w', '-t', '60', 'start']),
    stop: (mode = 'fast') => void run('pg_ctl', ['-D', data, '-m', mode, '-w', 'stop']),
    restart: (mode = 'fast') => {
      pg.stop(mode);
      pg.start();
    },
    psql: (sqlText) =>
      run('psql', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', '-XAtc', sqlText]),
    destroy: () => {
      try {
        pg.stop('immediate');
      } catch {
        // already stopped
      }
      rmSync(root, { recursive: true, force: true });
    },
  };
  pg.start();
  return pg;
}
