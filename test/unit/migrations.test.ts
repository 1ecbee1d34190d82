// Migrations are ordered by their file names and never edited once landed: the list in
// src/data/migrations/index.ts must be exactly the files of the folder, in file-name order, each
// with a timestamp of its own, and every file must still hash as landed.sha256 recorded it.
import { createHash } from 'node:crypto';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/data/migrations/index.js';

const folder = path.resolve(import.meta.dirname, '../../src/data/migrations');
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{4})_[a-z0-9_]+$/;
// Kysely applies migrations in this order (its default name comparator).
const byName = (a: string, b: string): number => a.localeCompare(b);

// Two migrations landed with one timestamp before this test existed. Databases record migrations
// by name, so they keep their names; no other pair may share a timestamp.
const LANDED_SHARING_A_TIMESTAMP = [
  '2026-11-23T0920_annex_a_profile',
  '2026-11-23T0920_judgements',
];

const files = readdirSync(folder)
  .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
  .map((f) => f.replace(/\.ts$/, ''));

function sha256(file: string): string {
  const text = readFileSync(path.join(folder, file), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

function manifest(): { hash: string; file: string }[] {
  return readFileSync(path.join(folder, 'landed.sha256'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      if (!m) throw new Error(`landed.sha256: not "hash  file": ${line}`);
      return { hash: m[1]!, file: m[2]! };
    });
}

/** The first pair of names that share a timestamp but are not the two landed that way. */
function sharedTimestamp(names: string[], allowed: string[]): string[] | null {
  const seen = new Map<string, string>();
  for (const name of names) {
    const stamp = NAME.exec(name)?.[1] ?? name;
    const other = seen.get(stamp);
    if (other && !(allowed.includes(other) && allowed.includes(name))) return [other, name];
    seen.set(stamp, name);
  }
  return null;
}

describe('the migration list', () => {
  it('is exactly the files of the folder, in file-name order', () => {
    expect(Object.keys(migrations)).toEqual([...files].sort(byName));
  });

  it('names each file YYYY-MM-DDTHHMM_words', () => {
    expect(files.filter((f) => !NAME.test(f))).toEqual([]);
  });

  it('gives each migration a timestamp of its own', () => {
    expect(sharedTimestamp([...files].sort(byName), LANDED_SHARING_A_TIMESTAMP)).toBeNull();
    // and the check itself refuses a new pair
    expect(
      sharedTimestamp(
        ['2026-12-06T1710_journey', '2026-12-06T1710_other'],
        LANDED_SHARING_A_TIMESTAMP,
      ),
    ).toEqual(['2026-12-06T1710_journey', '2026-12-06T1710_other']);
  });

  it('maps each name to the module of that file', async () => {
    for (const name of files) {
      const file = path.join(folder, `${name}.ts`);
      const module = (await import(/* @vite-ignore */ file)) as object;
      expect(migrations[name], name).toBe(module);
    }
  });
});

describe('landed migrations', () => {
  it('are listed in landed.sha256 in file-name order (npm run migrations:manifest)', () => {
    expect(manifest().map((e) => e.file.replace(/\.ts$/, ''))).toEqual([...files].sort(byName));
  });

  it('are never edited: each file hashes as it did when it landed', () => {
    const changed = manifest()
      .filter(({ hash, file }) => sha256(file) !== hash)
      .map((e) => e.file);
    expect(
      changed,
      'landed migrations are never edited: put the change in a new migration',
    ).toEqual([]);
  });
});
