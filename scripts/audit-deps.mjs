#!/usr/bin/env node
// Checks the lockfile's packages against known vulnerabilities, in this order:
//  1. TRIANGULATE_OSV_DIR set: an offline copy of the OSV database's npm advisories (the JSON
//     files of OSV's npm export, unzipped into one folder), matched here without any network;
//  2. otherwise `npm audit` against the registry's audit endpoint;
//  3. neither reachable: a clear SKIPPED message and success, because no offline vulnerability
//     database ships with npm or Debian, and CI must not fail for want of a network.
// Fails (exit 1) on any high or critical advisory (npm audit), or any advisory matched offline.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const semver = require('semver');
const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const lock = JSON.parse(readFileSync(path.join(root, 'package-lock.json'), 'utf8'));

/** name -> set of versions in the lockfile. */
function lockedPackages() {
  const out = new Map();
  for (const [where, entry] of Object.entries(lock.packages ?? {})) {
    if (!where || !entry.version) continue;
    const name = entry.name ?? where.slice(where.lastIndexOf('node_modules/') + 13);
    if (!out.has(name)) out.set(name, new Set());
    out.get(name).add(entry.version);
  }
  return out;
}

/** Whether an OSV "affected" entry covers this version (SEMVER ranges and explicit versions). */
function affects(affected, version) {
  if (affected.versions?.includes(version)) return true;
  for (const range of affected.ranges ?? []) {
    if (range.type !== 'SEMVER' && range.type !== 'ECOSYSTEM') continue;
    let inside = false;
    const events = [...(range.events ?? [])];
    for (const e of events) {
      if (e.introduced !== undefined)
        inside =
          e.introduced === '0' || semver.gte(version, e.introduced, { loose: true })
            ? true
            : inside;
      if (e.fixed !== undefined && semver.gte(version, e.fixed, { loose: true })) inside = false;
      if (e.last_affected !== undefined && semver.gt(version, e.last_affected, { loose: true }))
        inside = false;
    }
    if (inside) return true;
  }
  return false;
}

function offline(dir) {
  const locked = lockedPackages();
  const found = [];
  let advisories = 0;
  for (const file of readdirSync(dir)) {
    if (!file.endsWith('.json')) continue;
    const adv = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    advisories++;
    for (const a of adv.affected ?? []) {
      if (a.package?.ecosystem !== 'npm') continue;
      for (const v of locked.get(a.package.name) ?? [])
        if (semver.valid(v) && affects(a, v))
          found.push(`${a.package.name}@${v}: ${adv.id} ${adv.summary ?? ''}`);
    }
  }
  console.log(
    `audit: ${advisories} advisories from ${dir} checked offline against ${locked.size} packages`,
  );
  for (const f of found) console.log(`  VULNERABLE ${f}`);
  return found.length === 0;
}

function online() {
  let raw;
  try {
    raw = execFileSync('npm', ['audit', '--package-lock-only', '--json'], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (err) {
    raw = String(err.stdout ?? '');
  }
  let report;
  try {
    report = JSON.parse(raw);
  } catch {
    report = null;
  }
  if (!report || report.error || !report.metadata) {
    console.log(
      'audit: SKIPPED: the npm audit endpoint cannot be reached from here, and no offline ' +
        'vulnerability database is available from npm or Debian. Set TRIANGULATE_OSV_DIR to a ' +
        'folder of OSV npm advisories (JSON) to check offline. Reason: ' +
        (report?.error?.summary || report?.error?.code || 'no answer'),
    );
    return true;
  }
  const v = report.metadata.vulnerabilities ?? {};
  console.log(`audit: npm audit: ${JSON.stringify(v)}`);
  return (v.high ?? 0) + (v.critical ?? 0) === 0;
}

const dir = process.env.TRIANGULATE_OSV_DIR;
const ok = dir && existsSync(dir) ? offline(dir) : online();
process.exitCode = ok ? 0 : 1;
