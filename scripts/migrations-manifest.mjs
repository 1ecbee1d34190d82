// Appends the SHA-256 of each new migration to src/data/migrations/landed.sha256, and refuses to
// change a line that is there: a landed migration is never edited (databases have run it), so a
// changed or missing file is an error, not something to record. `--check` only checks.
// The file is `sha256sum` format (hash, two spaces, file name); hashes are of the text with CRLF
// read as LF, so a Windows checkout hashes the same.
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';

const folder = path.join(import.meta.dirname, '../src/data/migrations');
const manifestPath = path.join(folder, 'landed.sha256');
const NAME = /^(\d{4}-\d{2}-\d{2}T\d{4})_[a-z0-9_]+\.ts$/;

export function migrationFiles() {
  return readdirSync(folder)
    .filter((f) => f.endsWith('.ts') && f !== 'index.ts' && !f.endsWith('.test.ts'))
    .sort((a, b) => a.localeCompare(b));
}

export function hashOf(file) {
  const text = readFileSync(path.join(folder, file), 'utf8').replace(/\r\n/g, '\n');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export function readManifest() {
  if (!existsSync(manifestPath)) return [];
  return readFileSync(manifestPath, 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const m = /^([0-9a-f]{64}) {2}(\S+)$/.exec(line);
      if (!m) throw new Error(`landed.sha256: not "hash  file": ${line}`);
      return { hash: m[1], file: m[2] };
    });
}

function main() {
  const check = process.argv.includes('--check');
  const manifest = readManifest();
  const problems = [];
  const listed = new Set(manifest.map((e) => e.file));
  for (const { hash, file } of manifest) {
    if (!existsSync(path.join(folder, file))) problems.push(`${file} is listed but gone.`);
    else if (hashOf(file) !== hash) problems.push(`${file} has changed since it landed.`);
  }
  const last = manifest.at(-1)?.file;
  const stampOf = (f) => NAME.exec(f)?.[1];
  const stamps = new Set(manifest.map((e) => stampOf(e.file)));
  const fresh = migrationFiles().filter((f) => !listed.has(f));
  for (const file of fresh) {
    const stamp = stampOf(file);
    if (!stamp) problems.push(`${file}: name it YYYY-MM-DDTHHMM_words.ts (lower case, _).`);
    else if (stamps.has(stamp)) problems.push(`${file}: timestamp ${stamp} is taken.`);
    else if (last && file.localeCompare(last) <= 0)
      problems.push(`${file}: its timestamp must be later than the last landed (${last}).`);
    stamps.add(stamp);
  }
  if (problems.length) {
    console.error(
      `${problems.join('\n')}\nLanded migrations are never edited: put the change in a new migration.` +
        `\n(A migration of yours that has not landed on main yet: delete its line and run this again.)`,
    );
    process.exit(1);
  }
  if (check) {
    if (fresh.length) {
      console.error(`Not in landed.sha256 yet: ${fresh.join(', ')} (npm run migrations:manifest).`);
      process.exit(1);
    }
    console.log(`landed.sha256: ${manifest.length} migrations, unchanged.`);
    return;
  }
  if (fresh.length) appendFileSync(manifestPath, fresh.map((f) => `${hashOf(f)}  ${f}\n`).join(''));
  console.log(
    fresh.length
      ? `Appended ${fresh.join(', ')} to landed.sha256.`
      : `landed.sha256: ${manifest.length} migrations, nothing new.`,
  );
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) main();
