#!/usr/bin/env node
// Lists installed packages whose `engines.node` does not accept the oldest Node this project
// supports (package.json engines, today >=20.19). Exit 1 when any does, so CI notices a
// dependency update that would drop Node 20.
//   node scripts/check-engines.mjs [--node 20.19.0] [--json] [--allow name,name]
// --allow names packages known not to declare Node 20 (reported, not failed; see issue 12).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const semver = require('semver');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
const own = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const node =
  args[args.indexOf('--node') + 1] && args.includes('--node')
    ? args[args.indexOf('--node') + 1]
    : semver.minVersion(own.engines.node).version;

function* packageDirs(dir) {
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) {
    if (name.startsWith('.')) continue;
    const full = path.join(dir, name);
    if (name.startsWith('@')) {
      for (const sub of readdirSync(full)) yield* withNested(path.join(full, sub));
    } else yield* withNested(full);
  }
}
function* withNested(dir) {
  if (existsSync(path.join(dir, 'package.json'))) yield dir;
  yield* packageDirs(path.join(dir, 'node_modules'));
}

const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));
const problems = [];
for (const dir of packageDirs(path.join(root, 'node_modules'))) {
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const range = pkg.engines?.node;
  if (!range || !pkg.name) continue;
  if (semver.satisfies(node, range, { includePrerelease: true })) continue;
  const rel = path.relative(root, dir);
  const entry = lock.packages?.[rel];
  problems.push({
    name: pkg.name,
    version: pkg.version,
    engines: range,
    path: rel,
    dev: Boolean(entry?.dev),
    optional: Boolean(entry?.optional),
  });
}
if (args.includes('--json')) process.stdout.write(`${JSON.stringify(problems, null, 2)}\n`);
else if (problems.length === 0)
  console.log(`engines: every installed package accepts Node ${node}`);
else {
  console.log(`engines: ${problems.length} installed package(s) do not accept Node ${node}:`);
  for (const p of problems)
    console.log(
      `  ${p.name}@${p.version} (${p.path}) engines.node "${p.engines}"${p.dev ? ' [dev]' : ''}${p.optional ? ' [optional]' : ''}`,
    );
}
const allowed = new Set(
  args.includes('--allow') ? (args[args.indexOf('--allow') + 1] ?? '').split(',') : [],
);
process.exitCode = problems.some((p) => !allowed.has(p.name)) ? 1 : 0;
