// Attachments (issue 12): the original of an imported evidence record kept beside its text, files
// attached to evidence and to the LA's factual-accuracy comments, checked by content, size-limited,
// virus-scanned by a configured command, downloaded with access checks, audited, and deleted
// with their owner. Through the use cases, the pages (multipart forms), the JSON API and the CLI.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachmentSettings } from '../../src/domain/files/attachment-check.js';
import { systemActor } from '../../src/domain/access/actor.js';
import { attachFile } from '../../src/usecases/attachments/attach-file.js';
import { deleteAttachment } from '../../src/usecases/attachments/delete-attachment.js';
import { downloadAttachment } from '../../src/usecases/attachments/download-attachment.js';
import { listAttachments } from '../../src/usecases/attachments/list-attachments.js';
import type { UseCaseContext } from '../../src/usecases/context.js';
import { importEvidenceFile } from '../../src/usecases/evidence/import-evidence-file.js';
import { recordEvidence } from '../../src/usecases/evidence/record-evidence.js';
import { addReportComment } from '../../src/usecases/reports/add-report-comment.js';
import { createReportDraft } from '../../src/usecases/reports/create-report-draft.js';
import { getFactualAccuracy } from '../../src/usecases/reports/get-factual-accuracy.js';
import { releaseReport } from '../../src/usecases/reports/release-report.js';
import { saveReportSection } from '../../src/usecases/reports/save-report-section.js';
import { signOffReport } from '../../src/usecases/reports/sign-off-report.js';
import { createUser } from '../../src/usecases/users/create-user.js';
import { createTestApp, signInAs, type TestApp } from '../helpers/app.js';
import { multipart } from '../helpers/multipart.js';
import {
  actorFor,
  contextFor,
  demoContexts,
  markJudgementsFinal,
  moveToDrafting,
} from '../helpers/reports.js';

let t: TestApp;
let c: Awaited<ReturnType<typeof demoContexts>>;
let otherLa: UseCaseContext;
let activityId: string;
let evidenceId: string;
let commentId: string;
let scanDir: string;
let settings: AttachmentSettings;

const PDF = new TextEncoder().encode('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 1, 2]);
const EICAR = new TextEncoder().encode(
  'X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*\n',
);
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: { code?: string }) => e.code ?? String(e),
  );
const scanned = (ctx: UseCaseContext): UseCaseContext => ({ ...ctx, attachments: settings });

beforeAll(async () => {
  // The virus scanner: a tiny script in the role of clamdscan (exit 0 clean, 1 found, 2 broken).
  scanDir = await mkdtemp(path.join(tmpdir(), 'triangulate-scan-test-'));
  const script = path.join(scanDir, 'scan.sh');
  await writeFile(
    script,
    [
      '#!/bin/sh',
      'if grep -q EICAR-STANDARD-ANTIVIRUS-TEST-FILE "$1"; then echo "$1: Eicar-Test-Signature FOUND"; exit 1; fi',
      'if grep -q SCANNER-BREAKS "$1"; then echo "cannot reach the scanning daemon" >&2; exit 2; fi',
      'echo "$1: OK"',
      '',
    ].join('\n'),
  );
  await chmod(script, 0o755);
  settings = {
    maxFileBytes: 64 * 1024,
    maxActivityBytes: 200 * 1024,
    scan: { command: `sh ${script}`, timeoutMs: 20_000 },
  };
  t = await createTestApp({ attachments: settings });
  const db = t.database.db;
  c = await demoContexts(db);
  activityId = t.demo.activityId;
  await createUser(
    { db, actor: systemActor('test') },
    {
      email: 'other.la.files@example.org',
      displayName: 'Other LA',
      role: 'la_user',
      laId: (
        await db
          .selectFrom('local_authorities')
          .select('id')
          .where('id', '!=', 'demo-northfield')
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id,
      password: 'other la password 123',
    },
  );
  otherLa = contextFor(db, await actorFor(db, 'other.la.files@example.org'));
  evidenceId = (
    await recordEvidence(c.lead, {
      activityId,
      method: 'case_file_reading',
      text: 'The plan was reviewed with the family.',
    })
  ).id;
}, 120_000);
afterAll(async () => {
  await t?.close();
  if (scanDir) await rm(scanDir, { recursive: true, force: true });
});

describe('the original of an imported evidence record', () => {
  it('is kept beside the extracted text, with its hash, type and "not scanned" when no scanner is set', async () => {
    const text = new TextEncoder().encode('Visit note: the child’s views were recorded.\n');
    const record = await importEvidenceFile(
      c.inspector,
      {
        activityId,
        method: 'case_file_reading',
        fileName: 'visit note.txt',
        declaredType: 'text/plain',
      },
      text,
    );
    const list = await listAttachments(c.inspector, {
      activityId,
      owner: { kind: 'evidence', id: record.id },
    });
    expect(list.attachments).toHaveLength(1);
    expect(list.attachments[0]).toMatchObject({
      origin: 'evidence_source',
      fileName: 'visit note.txt',
      mediaType: 'text/plain',
      declaredType: 'text/plain',
      sizeBytes: text.length,
      sha256: sha(text),
      scan: { status: 'not_scanned' },
    });
    const file = await downloadAttachment(c.lead, {
      activityId,
      attachmentId: list.attachments[0]?.id ?? '',
    });
    expect(Buffer.from(file.bytes).equals(Buffer.from(text))).toBe(true);
  });

  it('refuses the import (nothing recorded) when the scanner refuses the file', async () => {
    const before = await t.database.db
      .selectFrom('evidence_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const e = await importEvidenceFile(
      scanned(c.inspector),
      { activityId, method: 'case_file_reading', fileName: 'eicar.txt' },
      EICAR,
    ).catch((x: { code: string; message: string }) => x);
    expect(e).toMatchObject({ code: 'ATTACHMENT_REFUSED' });
    expect((e as { message: string }).message).toContain(
      'eicar.txt was not kept: the virus scanner refused it',
    );
    const after = await t.database.db
      .selectFrom('evidence_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});

describe('attaching files to evidence', () => {
  it('keeps an accepted file, scanned, and audits upload, download and removal', async () => {
    const a = await attachFile(
      scanned(c.inspector),
      { activityId, owner: { kind: 'evidence', id: evidenceId }, fileName: 'minutes.pdf' },
      PDF,
    );
    expect(a).toMatchObject({
      fileName: 'minutes.pdf',
      mediaType: 'application/pdf',
      scan: { status: 'clean' },
      origin: 'upload',
    });
    expect(a.scan.detail).not.toContain(tmpdir()); // the temporary path is not kept
    const file = await downloadAttachment(c.admin, { activityId, attachmentId: a.id });
    expect(file.sha256).toBe(sha(PDF));
    await deleteAttachment(c.lead, { activityId, attachmentId: a.id, reason: 'Wrong file' });
    expect(await codeOf(downloadAttachment(c.lead, { activityId, attachmentId: a.id }))).toBe(
      'NOT_FOUND',
    );
    const events = await t.database.db
      .selectFrom('audit_events')
      .select(['action', 'reason'])
      .where('entity_id', '=', a.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.action)).toEqual([
      'attachment.uploaded',
      'attachment.downloaded',
      'attachment.deleted',
    ]);
    expect(events[2]?.reason).toBe('Wrong file');
    const left = await t.database.db
      .selectFrom('attachment_contents')
      .select('attachment_id')
      .where('attachment_id', '=', a.id)
      .execute();
    expect(left).toEqual([]);
  });

  it('names the file and the reason when it refuses one', async () => {
    const attach = (name: string, bytes: Uint8Array, ctx = scanned(c.lead)) =>
      attachFile(ctx, { activityId, owner: { kind: 'evidence', id: 'E1' }, fileName: name }, bytes)
        .then(() => 'kept')
        .catch((e: { code: string; details: { file?: string; reason: string }[] }) => {
          expect(e.code).toBe('ATTACHMENT_REFUSED');
          expect(e.details[0]?.file).toBe(name);
          return e.details[0]?.reason ?? '';
        });
    expect(await attach('setup.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0]))).toContain(
      'setup.exe: its content is not one of the accepted types',
    );
    expect(await attach('report.pdf', PNG)).toContain('its name says .pdf');
    expect(await attach('big.txt', new Uint8Array(65 * 1024).fill(0x61))).toContain(
      'larger than the 64 KB limit for one file',
    );
    expect(await attach('eicar.txt', EICAR)).toContain('the virus scanner refused it');
    expect(await attach('broken.txt', new TextEncoder().encode('SCANNER-BREAKS'))).toContain(
      'could not be checked for viruses',
    );
    expect(await attach('fine.png', PNG)).toBe('kept');
  });

  it('holds each activity to its total', async () => {
    const ctx = scanned(c.lead);
    const chunk = new Uint8Array(60 * 1024).fill(0x62);
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++)
      outcomes.push(
        await codeOf(
          attachFile(
            ctx,
            { activityId, owner: { kind: 'evidence', id: evidenceId }, fileName: `part${i}.txt` },
            chunk,
          ),
        ),
      );
    expect(outcomes.slice(0, 3)).toEqual(['ok', 'ok', 'ok']);
    expect(outcomes[3]).toBe('ATTACHMENT_REFUSED');
    const e = await attachFile(
      ctx,
      { activityId, owner: { kind: 'evidence', id: evidenceId }, fileName: 'more.txt' },
      chunk,
    ).catch((x: Error) => x.message);
    expect(e).toContain('more than its 200 KB limit');
    // Clean up so the later tests have room.
    const list = await listAttachments(c.lead, {
      activityId,
      owner: { kind: 'evidence', id: evidenceId },
    });
    for (const a of list.attachments)
      await deleteAttachment(c.lead, { activityId, attachmentId: a.id });
  });

  it('is for the team; LA users and researchers never see evidence files', async () => {
    const a = await attachFile(
      c.inspector,
      { activityId, owner: { kind: 'evidence', id: evidenceId }, fileName: 'note.txt' },
      new TextEncoder().encode('note'),
    );
    const get = (ctx: UseCaseContext) =>
      codeOf(downloadAttachment(ctx, { activityId, attachmentId: a.id }));
    expect(await get(c.qam)).toBe('ok');
    expect(await get(c.admin)).toBe('ok');
    expect(await get(c.la)).toBe('NOT_FOUND');
    expect(await get(c.researcher)).toBe('NOT_FOUND');
    expect(await get(c.regional)).toBe('NOT_FOUND');
    expect(await codeOf(deleteAttachment(c.admin, { activityId, attachmentId: a.id }))).toBe(
      'FORBIDDEN',
    );
    expect(
      await codeOf(
        attachFile(
          c.la,
          { activityId, owner: { kind: 'evidence', id: evidenceId }, fileName: 'x.txt' },
          new TextEncoder().encode('x'),
        ),
      ),
    ).toBe('NOT_FOUND');
    // An attachment named under another activity does not exist there.
    expect(
      await codeOf(
        downloadAttachment(c.lead, {
          activityId: t.demo.focusedVisitId ?? 'x',
          attachmentId: a.id,
        }),
      ),
    ).toBe('NOT_FOUND');
  });
});

describe('documents with factual-accuracy comments', () => {
  beforeAll(async () => {
    const db = t.database.db;
    await markJudgementsFinal(db, activityId);
    await createReportDraft(c.lead, { activityId, improvements: [{ text: 'Plans' }] });
    await saveReportSection(c.lead, {
      activityId,
      sectionKey: 'summary',
      text: 'Services for children in Northfield require improvement to be good.',
      baseVersion: 1,
    });
    await moveToDrafting(db, activityId);
    await signOffReport(c.qam, { activityId, baseVersion: 2 });
    await releaseReport(c.lead, { activityId, baseVersion: 2 });
    commentId = (
      await addReportComment(c.la, {
        activityId,
        sectionKey: 'summary',
        text: 'The minutes attached show the plan was reviewed.',
      })
    ).id;
  }, 120_000);

  it('the LA attaches while the window is open; the team and that LA read; others never', async () => {
    const owner = { kind: 'report_comment' as const, id: commentId };
    const a = await attachFile(c.la, { activityId, owner, fileName: 'minutes.pdf' }, PDF);
    expect(a.owner).toEqual(owner);
    const fa = await getFactualAccuracy(c.lead, activityId);
    expect(fa.attachments[commentId]?.map((x) => x.fileName)).toEqual(['minutes.pdf']);
    const get = (ctx: UseCaseContext) =>
      codeOf(downloadAttachment(ctx, { activityId, attachmentId: a.id }));
    expect(await get(c.la)).toBe('ok');
    expect(await get(c.lead)).toBe('ok');
    expect(await get(c.qam)).toBe('ok');
    expect(await get(otherLa)).toBe('NOT_FOUND');
    expect(await get(c.researcher)).toBe('NOT_FOUND');
    expect(await codeOf(attachFile(c.lead, { activityId, owner, fileName: 'x.pdf' }, PDF))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(attachFile(otherLa, { activityId, owner, fileName: 'x.pdf' }, PDF))).toBe(
      'NOT_FOUND',
    );
    // The activity-wide list shows the LA only what it may read: its comments' documents.
    const laList = await listAttachments(c.la, { activityId });
    expect(laList.attachments.every((x) => x.owner.kind === 'report_comment')).toBe(true);
    expect(laList.attachments.map((x) => x.id)).toContain(a.id);
    expect(await codeOf(listAttachments(c.researcher, { activityId }))).toBe('NOT_FOUND');
  });
});

describe('the factual-accuracy page', () => {
  it('offers the LA a form per comment and shows the team what was sent', async () => {
    const la = await signInAs(t, 'la');
    const fa = await la.get(`/activities/${activityId}/report/factual-accuracy`);
    expect(fa.body).toContain(`/report/comments/${commentId}/attachments`);
    const form = await la.get(`/activities/${activityId}/report/comments/${commentId}/attachments`);
    expect(form.statusCode).toBe(200);
    const body = multipart({ _csrf: la.csrfToken ?? '' }, { name: 'case record.docx', data: PNG });
    const cookie = [...la.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const send = (payload: Buffer) =>
      t.app.inject({
        method: 'POST',
        url: `/activities/${activityId}/report/comments/${commentId}/attachments`,
        payload,
        headers: { 'content-type': body.contentType, cookie },
      });
    const wrong = await send(body.payload);
    expect(wrong.statusCode).toBe(422);
    expect(wrong.body).toContain('its name says .docx but its content is a PNG image');
    const ok = await send(
      multipart({ _csrf: la.csrfToken ?? '' }, { name: 'timeline.png', data: PNG }).payload,
    );
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(
      `/activities/${activityId}/report/factual-accuracy?done=attached#comments`,
    );
    const lead = await signInAs(t, 'lead');
    const teamView = await lead.get(`/activities/${activityId}/report/factual-accuracy`);
    expect(teamView.body).toContain('timeline.png');
    expect(teamView.body).not.toContain(`/report/comments/${commentId}/attachments"`);
  });
});

describe('pages, API and retention', () => {
  it('attaches through the GOV.UK file upload form and downloads as an attachment', async () => {
    const lead = await signInAs(t, 'lead');
    const form = await lead.get(`/activities/${activityId}/evidence/${evidenceId}/attachments`);
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('govuk-file-upload');
    expect(form.body).toContain('enctype="multipart/form-data"');
    const post = (name: string, data: Uint8Array) => {
      const body = multipart({ _csrf: lead.csrfToken ?? '' }, { name, data });
      return t.app.inject({
        method: 'POST',
        url: `/activities/${activityId}/evidence/${evidenceId}/attachments`,
        payload: body.payload,
        headers: {
          'content-type': body.contentType,
          cookie: [...lead.cookies].map(([k, v]) => `${k}=${v}`).join('; '),
        },
      });
    };
    const refused = await post('tool.exe', new Uint8Array([0x4d, 0x5a, 0x90, 0]));
    expect(refused.statusCode).toBe(422);
    expect(refused.body).toContain('govuk-error-summary');
    expect(refused.body).toContain('tool.exe: its content is not one of the accepted types');
    const ok = await post('Case “A” notes.pdf', PDF);
    expect(ok.statusCode).toBe(303);
    expect(ok.headers.location).toBe(
      `/activities/${activityId}/evidence/${evidenceId}?done=attached`,
    );
    const page = await lead.get(ok.headers.location as string);
    expect(page.body).toContain('Virus-scanned');
    const href = /href="(\/activities\/[^"]+\/attachments\/[^"]+)" download>Case/.exec(
      page.body,
    )?.[1];
    expect(href).toBeTruthy();
    const dl = await lead.get(href ?? '');
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('application/pdf');
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="Case _A_ notes.pdf"; filename*=UTF-8''Case%20%E2%80%9CA%E2%80%9D%20notes.pdf`,
    );
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.headers['cache-control']).toBe('no-store');
    expect(Buffer.from(dl.rawPayload).equals(Buffer.from(PDF))).toBe(true);
    const la = await signInAs(t, 'la');
    expect((await la.get(href ?? '')).statusCode).toBe(404);

    // Removing asks first, then deletes with the reason in the audit log.
    const confirm = await lead.get(`${href}/delete`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain('Remove Case “A” notes.pdf');
    const removed = await lead.post(`${href}/delete`, { reason: 'Attached to the wrong record' });
    expect(removed.statusCode).toBe(303);
    expect(removed.headers.location).toBe(
      `/activities/${activityId}/evidence/${evidenceId}?done=detached`,
    );
    expect((await lead.get(href ?? '')).statusCode).toBe(404);
    const audit = await t.database.db
      .selectFrom('audit_events')
      .select('reason')
      .where('action', '=', 'attachment.deleted')
      .where('entity_id', '=', href?.split('/').pop() ?? '')
      .executeTakeFirstOrThrow();
    expect(audit.reason).toBe('Attached to the wrong record');
  });

  it('takes a raw body through the API and lists, downloads and removes it', async () => {
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/sessions',
      payload: {
        email: c.inspector.actor.kind === 'user' ? c.inspector.actor.email : '',
        password: 'demo-password-for-tests-123',
      },
    });
    const auth = { authorization: `Bearer ${signIn.json<{ token: string }>().token}` };
    const up = await t.app.inject({
      method: 'POST',
      url: `/api/v1/activities/${activityId}/evidence/${evidenceId}/attachments?fileName=chart.png&contentType=image/png`,
      payload: Buffer.from(PNG),
      headers: { ...auth, 'content-type': 'application/octet-stream' },
    });
    expect(up.statusCode).toBe(201);
    const a = up.json<{
      id: string;
      mediaType: string;
      scan: { status: string };
      downloadUrl: string;
    }>();
    expect(a).toMatchObject({ mediaType: 'image/png', scan: { status: 'clean' } });
    const list = await t.app.inject({
      method: 'GET',
      url: `/api/v1/activities/${activityId}/attachments?owner=evidence&ownerId=${evidenceId}`,
      headers: auth,
    });
    expect(list.json<{ attachments: { id: string }[] }>().attachments.map((x) => x.id)).toContain(
      a.id,
    );
    const dl = await t.app.inject({ method: 'GET', url: a.downloadUrl, headers: auth });
    expect(dl.headers['content-disposition']).toMatch(/^attachment; filename="chart.png"/);
    expect(Buffer.from(dl.rawPayload).equals(Buffer.from(PNG))).toBe(true);
    const del = await t.app.inject({ method: 'DELETE', url: a.downloadUrl, headers: auth });
    expect(del.statusCode).toBe(200);
  });

  it('goes with its record, comment and activity (the foreign keys cascade)', async () => {
    const { rows } = await import('kysely').then(({ sql }) =>
      sql<{ table_name: string; column_name: string; delete_rule: string }>`
        select kcu.table_name, kcu.column_name, rc.delete_rule
        from information_schema.referential_constraints rc
        join information_schema.key_column_usage kcu on kcu.constraint_name = rc.constraint_name
        where kcu.table_name in ('attachments', 'attachment_contents')
        order by kcu.table_name, kcu.column_name`.execute(t.database.db),
    );
    expect(rows.map((r) => `${r.table_name}.${r.column_name} ${r.delete_rule}`)).toEqual([
      'attachment_contents.attachment_id CASCADE',
      'attachments.activity_id CASCADE',
      'attachments.evidence_id CASCADE',
      'attachments.intelligence_entry_id CASCADE',
      'attachments.report_comment_id CASCADE',
      'attachments.uploaded_by NO ACTION',
    ]);
  });
});
