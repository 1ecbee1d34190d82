// The coding workbench page without JavaScript: the evidence list, a record's text with its
// codings, the codebook and memos; coding a pasted passage (code points, emoji and accents),
// removing a coding, adding a code and memos; and who may open it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../src/domain/access/actor.js';
import { cpLength, cpSlice } from '../../src/domain/evidence/offsets.js';
import { findUserById } from '../../src/data/repositories/users.js';
import { toActor } from '../../src/domain/access/actor.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import {
  brokenErrorAnchors,
  decodeHtml,
  errorSummary,
  h1,
  signInAs,
  createTestApp,
  demoEmail,
  WebClient,
  type TestApp,
} from '../helpers/app.js';

let t: TestApp;
let base: string;
let joel: { id: string; text: string };

beforeAll(async () => {
  t = await createTestApp();
  base = `/activities/${t.demo.activityId}/workbench`;
  const rows = await t.database.db
    .selectFrom('evidence_records')
    .select(['id', 'text'])
    .where('activity_id', '=', t.demo.activityId)
    .orderBy('ref_no')
    .execute();
  joel = rows.find((r) => r.text.startsWith('Conversation with Joël'))!;
});
afterAll(async () => t?.close());

/** The text of the centre pane, from the server-rendered segments. */
function centreText(html: string): string {
  const inner = /<div id="wb-text"[^>]*>([\s\S]*?)<\/div>/.exec(html)?.[1] ?? '';
  return decodeHtml(inner.replace(/<[^>]+>/g, ''));
}

const stateOf = (html: string): string =>
  decodeHtml(/name="state" value="([^"]*)"/.exec(html)?.[1] ?? '');

async function codingsOf(evidenceId: string) {
  return t.database.db
    .selectFrom('codings as k')
    .innerJoin('codes as c', 'c.id', 'k.code_id')
    .select(['k.id', 'c.name', 'k.start_pos', 'k.end_pos', 'k.span_text', 'k.coder_label'])
    .where('k.evidence_id', '=', evidenceId)
    .execute();
}

async function actorOf(key: string) {
  const row = await t.database.db
    .selectFrom('users')
    .select('id')
    .where('email', '=', demoEmail(key))
    .executeTakeFirstOrThrow();
  return toActor((await findUserById(t.database.db, row.id))!);
}

async function codeIdNamed(name: string): Promise<string> {
  const row = await t.database.db
    .selectFrom('codes')
    .select('id')
    .where('activity_id', '=', t.demo.activityId)
    .where('name', '=', name)
    .executeTakeFirstOrThrow();
  return row.id;
}

describe('coding workbench page', () => {
  it('shows the list, the first record with its codings, the codebook and memos', async () => {
    const inspector = await signInAs(t, 'inspector');
    const res = await inspector.get(base);
    expect(res.statusCode).toBe(200);
    expect(h1(res.body)).toBe('Coding workbench');
    const html = decodeHtml(res.body);
    expect(html).toMatch(/[1-9]\d* records/);
    expect(html).toContain('E1<span class="govuk-caption-m">');
    expect(centreText(res.body)).toContain('Discussion with the allocated social worker about Zoë');
    expect(html).toMatch(/class="app-wb-mark app-wb-c-[0-9a-f]{6}/);
    expect(html).toContain('Codings (3)');
    expect(html).toContain('Tom Achebe (HMI)');
    expect(html).toContain('Front door');
    expect(html).toContain('Worker turnover felt by children');
    expect(html).toContain('Strong plan here');
    expect(html).toContain('Your recent codes');
    expect(html).toContain('Code a passage by pasting its words');
    expect(html).toContain('/static/app.js');
  });

  it('gives the record text back exactly from its segments, emoji and accents included', async () => {
    const inspector = await signInAs(t, 'inspector');
    const res = await inspector.get(`${base}?evidence=${joel.id}`);
    expect(res.statusCode).toBe(200);
    expect(centreText(res.body)).toBe(joel.text);
    const starts = [...res.body.matchAll(/<(?:mark|span)[^>]*data-start="(\d+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(starts[0]).toBe(0);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    expect(Math.max(...starts)).toBeLessThan(cpLength(joel.text));
  });

  it('filters the list by judgement area, method and case, and pages it', async () => {
    const inspector = await signInAs(t, 'inspector');
    const byArea = decodeHtml((await inspector.get(`${base}?area=care_leavers`)).body);
    expect(byArea).toMatch(/[1-9]\d* records?/);
    expect(byArea).toContain('Amélie');
    const byMethod = decodeHtml((await inspector.get(`${base}?method=case_file_reading`)).body);
    expect(byMethod).toMatch(/[1-9]\d* records?/);
    const byCase = decodeHtml((await inspector.get(`${base}?case=nf-c-0217`)).body);
    expect(byCase).toMatch(/[1-9]\d* records?/);
    const none = decodeHtml((await inspector.get(`${base}?case=NF-X&page=3`)).body);
    expect(none).toContain('No records on page 3');
    expect(none).toContain('No evidence matches');
  });

  it('codes a pasted passage in code points, names the occurrence, and removes it', async () => {
    const inspector = await signInAs(t, 'inspector');
    const page = await inspector.get(`${base}?evidence=${joel.id}&area=children_in_care`);
    const state = stateOf(page.body);
    expect(state).toContain(`evidence=${joel.id}`);
    const code = await codeIdNamed('Stability');
    const words = 'I’ve had four social workers, I stopped telling them stuff 🙁 but';
    const res = await inspector.post(`${base}/codings`, {
      state,
      evidenceId: joel.id,
      codeId: code,
      passage: `  ${words.replace(' I stopped', '\nI stopped')}  `,
      occurrence: '',
    });
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toContain(`evidence=${joel.id}`);
    expect(res.headers.location).toContain('area=children_in_care');
    expect(res.headers.location).toContain('done=coded');
    const coded = (await codingsOf(joel.id)).find(
      (c) => c.name === 'Stability' && c.span_text === words,
    );
    expect(coded).toBeDefined();
    expect(cpSlice(joel.text, coded!.start_pos, coded!.end_pos)).toBe(words);
    // UTF-16 would put the end two units later: the emoji is one code point, two units.
    expect(coded!.end_pos - coded!.start_pos).toBe(cpLength(words));
    expect(coded!.coder_label).toBe('Tom Achebe (HMI)');
    const after = decodeHtml((await inspector.get(res.headers.location as string)).body);
    expect(after).toContain('The passage has been coded.');

    const removed = await inspector.post(`${base}/codings/${coded!.id}/remove`, { state });
    expect(removed.statusCode).toBe(303);
    expect((await codingsOf(joel.id)).some((c) => c.id === coded!.id)).toBe(false);
  });

  it('explains a passage that is not there, or that appears more than once', async () => {
    const inspector = await signInAs(t, 'inspector');
    const page = await inspector.get(`${base}?evidence=${joel.id}`);
    const state = stateOf(page.body);
    const code = await codeIdNamed('Voice');
    const missing = await inspector.post(`${base}/codings`, {
      state,
      evidenceId: joel.id,
      codeId: code,
      passage: 'words that are not in the record',
    });
    expect(missing.statusCode).toBe(400);
    expect(errorSummary(missing.body)[0]).toEqual({
      href: '#wb-passage',
      text: 'Those words are not in this record: paste them exactly as they appear in the text',
    });
    expect(brokenErrorAnchors(missing.body)).toEqual([]);
    expect(missing.body).toContain('words that are not in the record</textarea>');
    const twice = await inspector.post(`${base}/codings`, {
      state,
      evidenceId: joel.id,
      codeId: code,
      passage: 'his',
      occurrence: '9',
    });
    expect(twice.statusCode).toBe(400);
    expect(errorSummary(twice.body)[0]?.href).toBe('#wb-occurrence');
    expect(errorSummary(twice.body)[0]?.text).toMatch(/appear \d+ times/);
    const noCode = await inspector.post(`${base}/codings`, {
      state,
      evidenceId: joel.id,
      codeId: '',
      passage: 'He knows',
    });
    expect(noCode.statusCode).toBe(400);
    expect(errorSummary(noCode.body)[0]).toEqual({ href: '#wb-code', text: 'Choose a code' });
  });

  it('adds an emergent code and memos on the record, a coding and a code, and edits one', async () => {
    const inspector = await signInAs(t, 'inspector');
    const page = await inspector.get(`${base}?evidence=${joel.id}`);
    const state = stateOf(page.body);
    const added = await inspector.post(`${base}/codes`, {
      state,
      name: 'Advocacy offered',
      parentId: '',
      description: 'Whether children know about and get an advocate.',
    });
    expect(added.statusCode).toBe(303);
    const codeId = await codeIdNamed('Advocacy offered');
    expect(added.headers.location).toContain(`code=${codeId}`);
    const withCode = decodeHtml((await inspector.get(added.headers.location as string)).body);
    expect(withCode).toContain('On the code Advocacy offered');
    expect(withCode).toContain('Whether children know about and get an advocate.');

    const memo = await inspector.post(`${base}/memos`, {
      state,
      targetType: 'evidence',
      targetId: joel.id,
      title: 'Follow up',
      text: 'Ask the IRO about advocacy for Joël 🙂',
    });
    expect(memo.statusCode).toBe(303);
    const coding = (await codingsOf(joel.id))[0]!;
    const onCoding = await inspector.post(`${base}/memos`, {
      state: `${state}&coding=${coding.id}`,
      targetType: 'coding',
      targetId: coding.id,
      text: 'Quote for the report?',
    });
    expect(onCoding.statusCode).toBe(303);
    expect(onCoding.headers.location).toContain(`coding=${coding.id}`);
    const onCode = await inspector.post(`${base}/memos`, {
      state: `${state}&code=${codeId}`,
      targetType: 'code',
      targetId: codeId,
      text: 'Seen in two cases so far.',
    });
    expect(onCode.statusCode).toBe(303);
    const shown = decodeHtml(
      (await inspector.get(`${base}?evidence=${joel.id}&coding=${coding.id}&code=${codeId}`)).body,
    );
    expect(shown).toContain('Ask the IRO about advocacy for Joël 🙂');
    expect(shown).toContain('Quote for the report?');
    expect(shown).toContain('Seen in two cases so far.');
    expect(shown).toContain('app-wb-mark--selected');
    expect(shown).toContain(', 1 memo');

    const memoRow = await t.database.db
      .selectFrom('memos')
      .select(['id', 'version'])
      .where('title', '=', 'Follow up')
      .executeTakeFirstOrThrow();
    const empty = await inspector.post(`${base}/memos/${memoRow.id}`, {
      state,
      targetType: 'evidence',
      expectedVersion: String(memoRow.version),
      title: 'Follow up',
      text: ' ',
    });
    expect(empty.statusCode).toBe(400);
    expect(errorSummary(empty.body)[0]).toEqual({
      href: `#wb-memo-${memoRow.id}-text`,
      text: 'Write the memo',
    });
    const edited = await inspector.post(`${base}/memos/${memoRow.id}`, {
      state,
      targetType: 'evidence',
      expectedVersion: String(memoRow.version),
      title: 'Follow up',
      text: 'Asked the IRO: advocacy offered in October.',
    });
    expect(edited.statusCode).toBe(303);
    const stale = await inspector.post(`${base}/memos/${memoRow.id}`, {
      state,
      targetType: 'evidence',
      expectedVersion: String(memoRow.version),
      text: 'An older edit',
    });
    expect(stale.statusCode).toBe(409);
    expect(decodeHtml(stale.body)).toContain('Someone else changed this memo');
  });

  it('shows a picked code and its memos even when no record matches the filters', async () => {
    const inspector = await signInAs(t, 'inspector');
    const code = await codeIdNamed('Worker turnover felt by children');
    const html = decodeHtml((await inspector.get(`${base}?case=NO-SUCH-CASE&code=${code}`)).body);
    expect(html).toContain('0 records');
    expect(html).toContain('On the code Worker turnover felt by children');
    expect(html).toContain('Children and families describe changes of social worker.');
    expect(html).toContain('2 codings in this evidence base');
    const filtered = decodeHtml((await inspector.get(`${base}?codes=turnover`)).body);
    expect(filtered).toContain('Worker turnover felt by children');
    expect(filtered).not.toContain('>Front door<');
  });

  it('returns only the record part for the browser module', async () => {
    const inspector = await signInAs(t, 'inspector');
    const res = await inspector.get(`${base}?evidence=${joel.id}&part=record`);
    expect(res.statusCode).toBe(200);
    expect(res.body.trimStart().startsWith('<div id="wb-part"')).toBe(true);
    expect(centreText(res.body)).toBe(joel.text);
    expect(res.body).not.toContain('<html');
  });
});

describe('paging the evidence list', () => {
  it('pages 50 at a time with previous and next links, without counting every record', async () => {
    const inspector = await signInAs(t, 'inspector');
    const ctx = { db: t.database.db, actor: await actorOf('inspector') };
    for (let i = 0; i < 45; i++)
      await recordEvidence(ctx, {
        activityId: t.demo.activityId,
        text: `Paging record ${i}: a short note from a visit.`,
        method: 'case_file_reading',
      });
    const first = decodeHtml((await inspector.get(`${base}?method=case_file_reading`)).body);
    expect(first).toMatch(/(4[7-9]|[5-9]\d) records/);
    const all = decodeHtml((await inspector.get(base)).body);
    expect(all).toContain('Records 1 to 50');
    expect(all).toContain(`href="${base}?page=2"`);
    const second = decodeHtml((await inspector.get(`${base}?page=2`)).body);
    expect(second).toMatch(/Records 51 to (5[1-9]|[6-9]\d)/);
    expect(second).toContain(`href="${base}?page=1"`);
    expect(second).not.toContain('?page=3');
  });
});

describe('who may use the workbench', () => {
  it('links it from the activity page for people who can code', async () => {
    const inspector = await signInAs(t, 'inspector');
    expect((await inspector.get(`/activities/${t.demo.activityId}`)).body).toContain(
      `href="${base}">Coding workbench</a>`,
    );
    const admin = await signInAs(t, 'admin');
    expect((await admin.get(`/activities/${t.demo.activityId}`)).body).not.toContain(
      'Coding workbench',
    );
  });

  it('lets admins read it without forms, and hides it from LA users, researchers and outsiders', async () => {
    const admin = await signInAs(t, 'admin');
    const read = await admin.get(`${base}?evidence=${joel.id}`);
    expect(read.statusCode).toBe(200);
    expect(decodeHtml(read.body)).toContain('You can read this evidence base');
    expect(read.body).not.toContain('workbench/codings"');
    const refused = await admin.post(`${base}/codings`, {
      state: '',
      evidenceId: joel.id,
      codeId: await codeIdNamed('Voice'),
      passage: 'He knows',
    });
    expect(refused.statusCode).toBe(403);

    await createUser(
      { db: t.database.db, actor: systemActor('test') },
      {
        email: 'wb-outsider@example.org',
        displayName: 'Another HMI',
        role: 'inspector',
        password: 'outsider password 1234',
      },
    );
    const outsider = await new WebClient(t.app).signIn(
      'wb-outsider@example.org',
      'outsider password 1234',
    );
    for (const client of [await signInAs(t, 'la'), await signInAs(t, 'researcher'), outsider]) {
      expect((await client.get(base)).statusCode).toBe(404);
      expect((await client.get(`${base}?evidence=${joel.id}&part=record`)).statusCode).toBe(404);
      const post = await client.post(`${base}/codings`, {
        state: '',
        evidenceId: joel.id,
        codeId: await codeIdNamed('Voice'),
        passage: 'He knows',
      });
      expect(post.statusCode).toBe(404);
      const memo = await client.post(`${base}/memos`, {
        targetType: 'evidence',
        targetId: joel.id,
        text: 'x',
      });
      expect(memo.statusCode).toBe(404);
    }
  });
});
