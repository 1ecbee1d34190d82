import { strToU8, zipSync } from 'fflate';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { importRefi, type ImportRefiInput } from '../../src/usecases/refi/import-refi.js';
import { createTestDatabase, type TestDatabase } from '../helpers/database.js';
import { contextFor } from '../helpers/evidence.js';
import { insertLa } from '../helpers/fixtures.js';
import { vendorQdpx, vendorStyles } from '../helpers/refi-vendors.js';

let t: TestDatabase;
const ctx = () => contextFor(t.db, systemActor('test'));
const TABLES = [
  'activities',
  'evidence_records',
  'codes',
  'codings',
  'cases',
  'memos',
  'audit_events',
  'refi_originals',
  'refi_original_sets',
  'refi_files',
] as const;

async function rowCounts(): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of TABLES) {
    const r = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(
      t.db,
    );
    out[table] = r.rows[0]!.n;
  }
  return out;
}

/** Imports into a new activity and expects a refusal that leaves every table as it was. */
async function refused(input: Omit<ImportRefiInput, 'newActivity'>, message: RegExp) {
  const before = await rowCounts();
  const err = await importRefi(ctx(), { ...input, newActivity: { laId: 'safe-la' } }).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toMatchObject({ code: 'IMPORT_INVALID' });
  expect((err as Error).message).toMatch(message);
  expect(await rowCounts()).toEqual(before);
  return err as Error & {
    details: Array<{ file?: string; field?: string; value?: string; reason: string }>;
  };
}

const qde = (body: string, head = '') =>
  strToU8(
    `<?xml version="1.0" encoding="UTF-8"?>${head}<Project xmlns="urn:QDA-XML:project:1.0" name="P">${body}</Project>`,
  );

/** A project in the style of the public sample with non-UUID identifiers ("c-joy"). */
const nonUuidProject = () =>
  zipSync({
    'project.qde': strToU8(`<?xml version="1.0" encoding="utf-8"?>
<Project name="Sample" xmlns="urn:QDA-XML:project:1.0">
<CodeBook><Codes><Code guid="c-emotions" name="Emotions" isCodable="true"><Code guid="c-joy" name="Joy" isCodable="true"/></Code></Codes></CodeBook>
<Sources><TextSource guid="src-1" name="interview.txt" plainTextPath="internal://src-1.txt">
  <PlainTextSelection guid="sel-1" startPosition="0" endPosition="5"><Coding guid="cod-1"><CodeRef targetGUID="c-joy"/></Coding></PlainTextSelection>
</TextSource></Sources></Project>`),
    'sources/src-1.txt': strToU8('Happy days at school.'),
  });

beforeAll(async () => {
  t = await createTestDatabase();
  await insertLa(t.db, 'safe-la', 'London');
});
afterAll(async () => t.destroy());

describe('invalid REFI-QDA files are refused whole, naming the element and the problem', () => {
  it('refuses identifiers that are not GUIDs', async () => {
    const err = await refused(
      { fileName: 'bad.qdpx', bytes: nonUuidProject() },
      /<Code guid="c-emotions" name="Emotions">.*is not a GUID/,
    );
    expect(err.details[0]).toMatchObject({
      file: 'bad.qdpx',
      field: 'Project/CodeBook[1]/Codes[1]/Code[1]',
      value: 'c-emotions',
    });
    expect(err.details.map((d) => d.value)).toEqual(
      expect.arrayContaining(['c-joy', 'src-1', 'sel-1', 'cod-1']),
    );
  });

  it('or repairs them when asked, with a report', async () => {
    const r = await importRefi(ctx(), {
      fileName: 'bad.qdpx',
      bytes: nonUuidProject(),
      repairGuids: true,
      newActivity: { laId: 'safe-la' },
    });
    expect(r.counts).toMatchObject({ evidence: 1, codings: 1 });
    expect(r.report.repairs.join('\n')).toMatch(
      /guid="c-emotions" is not a GUID .*replaced by a new GUID/,
    );
  });

  it('refuses a coding of a code that does not exist', async () => {
    const body = `<CodeBook><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="A" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="22222222-2222-4222-8222-222222222222" name="s"><PlainTextContent>Hello</PlainTextContent>
      <Coding guid="33333333-3333-4333-8333-333333333333"><CodeRef targetGUID="44444444-4444-4444-8444-444444444444"/></Coding></TextSource></Sources>`;
    await refused(
      { fileName: 'p.qde', bytes: qde(body) },
      /CodeRef targetGUID="44444444.*names no <Code>/,
    );
  });

  it('refuses a selection beyond the end of its text, and one without positions', async () => {
    const sel = (
      attrs: string,
    ) => `<CodeBook><Codes><Code guid="11111111-1111-4111-8111-111111111111" name="A" isCodable="true"/></Codes></CodeBook>
      <Sources><TextSource guid="22222222-2222-4222-8222-222222222222" name="s"><PlainTextContent>Hello 👋</PlainTextContent>
      <PlainTextSelection guid="55555555-5555-4555-8555-555555555555" ${attrs}><Coding guid="33333333-3333-4333-8333-333333333333"><CodeRef targetGUID="11111111-1111-4111-8111-111111111111"/></Coding></PlainTextSelection></TextSource></Sources>`;
    await refused(
      { fileName: 'p.qde', bytes: qde(sel('startPosition="2" endPosition="9"')) },
      /PlainTextSelection.*endPosition 9 is beyond the end of the text \(7 code points\)/,
    );
    await refused(
      { fileName: 'p.qde', bytes: qde(sel('startPosition="2"')) },
      /must have the attribute endPosition/,
    );
    await refused(
      { fileName: 'p.qde', bytes: qde(sel('startPosition="2" endPosition="x"')) },
      /endPosition="x" is not a whole number/,
    );
  });

  it('refuses files that are not REFI-QDA at all', async () => {
    await refused({ fileName: 'x.qdpx', bytes: strToU8('just text') }, /not well-formed|refused/);
    await refused(
      { fileName: 'x.qdpx', bytes: zipSync({ 'word/document.xml': strToU8('<w/>') }) },
      /no project\.qde/,
    );
    await refused(
      { fileName: 'x.qde', bytes: strToU8('<?xml version="1.0"?><Other/>') },
      /root element must be <Project>/,
    );
  });
});

describe('hostile files are refused before anything is read into the database', () => {
  it('refuses a zip bomb', async () => {
    const bomb = zipSync({ 'project.qde': new Uint8Array(40 * 1024 * 1024).fill(32) });
    await refused({ fileName: 'bomb.qdpx', bytes: bomb }, /zip bomb|compression|too large/i);
  });

  it('refuses entries that climb out of the archive, and never follows source paths that do', async () => {
    const evil = zipSync({ '../project.qde': strToU8('<Project/>') });
    await refused({ fileName: 'evil.qdpx', bytes: evil }, /outside the archive/);
    const sneaky = zipSync({
      'project.qde': qde(
        `<Sources><TextSource guid="22222222-2222-4222-8222-222222222222" name="s" plainTextPath="internal://../../../../etc/passwd"/></Sources>`,
      ),
    });
    // The path is reduced to its file name inside the package ('passwd'), which is not there:
    // the whole file is refused rather than imported without that source.
    await refused(
      { fileName: 'sneaky.qdpx', bytes: sneaky },
      /TextSource guid="22222222-2222-4222-8222-222222222222".*'internal:\/\/\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd' is not in the archive/,
    );
  });

  it('refuses XML external entities and entity expansion', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY x SYSTEM "file:///etc/passwd">]><Project xmlns="urn:QDA-XML:project:1.0" name="&x;"/>`;
    await refused({ fileName: 'xxe.qde', bytes: strToU8(xxe) }, /DTD/);
    await refused({ fileName: 'xxe.qdpx', bytes: zipSync({ 'project.qde': strToU8(xxe) }) }, /DTD/);
    const lol = `<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]><Project name="&b;"/>`;
    await refused({ fileName: 'lol.qde', bytes: strToU8(lol) }, /DTD/);
    await refused(
      {
        fileName: 'ent.qde',
        bytes: strToU8('<Project name="&undefined;"/>'),
      },
      /entity|not well-formed/i,
    );
  });
});

describe('a failed import leaves nothing behind', () => {
  it('rolls back everything, the new activity included, when the database refuses part of it', async () => {
    await sql`create function refi_test_fail() returns trigger language plpgsql as $$ begin raise exception 'simulated failure'; end $$`.execute(
      t.db,
    );
    await sql`create trigger refi_test_fail before insert on memos for each row execute function refi_test_fail()`.execute(
      t.db,
    );
    try {
      const before = await rowCounts();
      await expect(
        importRefi(ctx(), {
          fileName: 'v.qdpx',
          bytes: vendorQdpx(vendorStyles[0]!),
          newActivity: { laId: 'safe-la' },
        }),
      ).rejects.toThrow(/simulated failure/);
      expect(await rowCounts()).toEqual(before);
    } finally {
      await sql`drop trigger refi_test_fail on memos`.execute(t.db);
      await sql`drop function refi_test_fail()`.execute(t.db);
    }
  });
});
