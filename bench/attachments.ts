// Attachments: the time to keep a file (type check by content, SHA-256, the bytes into bytea,
// the audit event) and to download it (read back, audited), for a 100 KB, a 5 MB and a 20 MB
// (the default limit) PDF, on either engine; no virus scanner configured (a scanner's own time
// adds to the upload). Also one 20 MB upload with a trivial scanner script, to show the hook's
// overhead (writing the temporary copy and starting the process).
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrateToLatest } from '../src/data/migrate.js';
import { findUserById } from '../src/data/repositories/users.js';
import { toActor } from '../src/domain/access/actor.js';
import { DEFAULT_ATTACHMENT_SETTINGS } from '../src/domain/files/attachment-check.js';
import { attachFile } from '../src/usecases/attachments/attach-file.js';
import { deleteAttachment } from '../src/usecases/attachments/delete-attachment.js';
import { downloadAttachment } from '../src/usecases/attachments/download-attachment.js';
import { recordEvidence } from '../src/usecases/evidence/record-evidence.js';
import type { UseCaseContext } from '../src/usecases/context.js';
import { seedSyntheticEvidence } from './synthetic-evidence.js';
import { openBenchDatabase, sample, type BenchDatabase } from './support.js';

interface Options {
  engine: 'pglite' | 'postgres';
  n: number;
  adminUrl?: string;
}

function pdfOf(bytes: number): Uint8Array {
  const b = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) b[i] = (i * 2654435761) >>> 24; // incompressible-ish
  b.set(new TextEncoder().encode('%PDF-1.7\n'), 0);
  return b;
}

export async function benchAttachments(o: Options): Promise<string[]> {
  const title = `## Attachments: keep and download a file (${o.engine})`;
  let opened: BenchDatabase;
  try {
    opened = await openBenchDatabase(o.engine, 'att', o.adminUrl);
  } catch (err) {
    return [title, '', `Skipped: ${(err as Error).message}`, ''];
  }
  const { database, cleanup } = opened;
  const db = database.db;
  const dir = mkdtempSync(path.join(tmpdir(), 'tri-bench-scan-'));
  try {
    await migrateToLatest(db);
    const synthetic = await seedSyntheticEvidence(db);
    const user = await findUserById(db, synthetic.inspectorIds[0]!);
    const settings = { ...DEFAULT_ATTACHMENT_SETTINGS, maxActivityBytes: 4 * 1024 ** 3 };
    const ctx: UseCaseContext = { db, actor: toActor(user!), attachments: settings };
    const activityId = synthetic.activityId;
    const record = await recordEvidence(ctx, {
      activityId,
      text: 'Minutes of the strategy meeting.',
      method: 'meeting_observed',
    });
    const owner = { kind: 'evidence' as const, id: record.id };
    const rows = [
      title,
      '',
      `n = ${o.n} per size (after a warm-up); ms; no scanner unless said.`,
      '',
      '| file | keep p50 | keep p95 | download p50 | download p95 |',
      '| --- | --- | --- | --- | --- |',
    ];
    const scanner = path.join(dir, 'scan.sh');
    writeFileSync(scanner, '#!/bin/sh\nexit 0\n');
    chmodSync(scanner, 0o755);
    const cases: Array<[string, number, UseCaseContext]> = [
      ['100 KB PDF', 100 * 1024, ctx],
      ['5 MB PDF', 5 * 1024 * 1024, ctx],
      ['20 MB PDF', 20 * 1024 * 1024, ctx],
      [
        '20 MB PDF, scanner `sh exit 0`',
        20 * 1024 * 1024,
        {
          ...ctx,
          attachments: { ...settings, scan: { command: `sh ${scanner}`, timeoutMs: 60_000 } },
        },
      ],
    ];
    for (const [label, size, c] of cases) {
      const bytes = pdfOf(size);
      const kept: string[] = [];
      const keep = await sample(
        o.n,
        async () =>
          kept.push(
            (await attachFile(c, { activityId, owner, fileName: 'minutes.pdf' }, bytes)).id,
          ),
        { warmUp: 1 },
      );
      const id = kept[0]!;
      const down = await sample(
        o.n,
        () => downloadAttachment(c, { activityId, attachmentId: id }),
        {
          warmUp: 1,
        },
      );
      for (const k of kept) await deleteAttachment(c, { activityId, attachmentId: k });
      rows.push(`| ${label} | ${keep.p50} | ${keep.p95} | ${down.p50} | ${down.p95} |`);
    }
    rows.push('');
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await cleanup();
  }
}
