// `npm start`: builds only when the build is missing or older than its sources, then serves the
// demo. A full build takes a minute or more; `npm ci` has already built, so most starts skip it.
// Freshness: the newest modification time under src/, bench/ and the build's own inputs
// (tsconfig files, package.json, the stylesheet script) against the build's outputs.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outputs = ['dist/src/cli/main.js', 'dist/public/app.css', 'dist/public/app.js'].map((p) =>
  path.join(root, p),
);
const inputs = [
  'src',
  'bench',
  'tsconfig.json',
  'tsconfig.build.json',
  'package.json',
  'scripts/build-css.mjs',
];

function newest(p) {
  const s = statSync(p, { throwIfNoEntry: false });
  if (!s) return 0;
  if (!s.isDirectory()) return s.mtimeMs;
  let max = s.mtimeMs;
  for (const e of readdirSync(p)) max = Math.max(max, newest(path.join(p, e)));
  return max;
}

function buildReason() {
  if (process.env.TRIANGULATE_FORCE_BUILD) return 'TRIANGULATE_FORCE_BUILD is set';
  const missing = outputs.find((o) => !existsSync(o));
  if (missing) return `${path.relative(root, missing)} is missing`;
  const built = Math.min(...outputs.map((o) => statSync(o).mtimeMs));
  const changed = Math.max(...inputs.map((i) => newest(path.join(root, i))));
  return changed > built ? 'sources changed since the last build' : null;
}

const reason = buildReason();
if (reason) {
  process.stdout.write(`Building first (${reason})...\n`);
  const r = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
} else {
  process.stdout.write('The build is up to date: starting without rebuilding.\n');
}
// The server runs as a child; a signal to this script (Ctrl-C, a service manager's SIGTERM) is
// passed on, so the server always shuts down with it.
const serve = spawn(
  process.execPath,
  [path.join(root, 'bin/triangulate.js'), 'serve', '--demo', ...process.argv.slice(2)],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => serve.kill(signal));
serve.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
