import { z } from 'zod';
import { buildQdpx } from '../../domain/refi/package.js';
import { toRefiProject } from '../../domain/refi/to-refi.js';
import { writeProject } from '../../domain/refi/write-project.js';
import type { UseCaseContext } from '../context.js';
import { evidenceScope } from '../shared/evidence-scope.js';
import { evidenceBaseSnapshot, originalsForExport } from './evidence-base-snapshot.js';
import { restoreOriginals } from '../../domain/refi/restore-originals.js';
import { withoutUnusedFrameworkCodes } from '../../domain/refi/to-refi.js';
import { auditExport, exportFileName, refiOrigin } from './refi-names.js';

export const ExportProjectInput = z.object({
  activityId: z.string(),
  /** For an activity made from an imported project: also write the framework's unused codes. */
  includeFrameworkCodes: z.boolean().default(false),
});
export type ExportProjectInput = z.input<typeof ExportProjectInput>;

/** How far an export has got: reading the evidence base, writing the XML, compressing, done. */
export type ExportProjectPhase = 'reading' | 'writing' | 'compressing' | 'done';

export interface ExportedProject {
  fileName: string;
  contentType: 'application/zip';
  bytes: Uint8Array;
  counts: {
    sources: number;
    codes: number;
    selections: number;
    codings: number;
    cases: number;
    notes: number;
    users: number;
    /** Elements kept from imported files and written as they were, and their files. */
    kept: number;
    files: number;
  };
}

/**
 * The activity's evidence base as a REFI-QDA 1.5 project (.qdpx): every live evidence record as a
 * text source (sources/<guid>.txt), the codebook, codings, cases and memos. Exporting is audited:
 * the evidence base leaves the system.
 */
export async function exportProject(
  ctx: UseCaseContext,
  raw: ExportProjectInput,
  onProgress?: (phase: ExportProjectPhase) => void,
): Promise<ExportedProject> {
  const input = ExportProjectInput.parse(raw);
  const { activity } = await evidenceScope(ctx, input.activityId, 'read');
  onProgress?.('reading');
  const snapshot = await evidenceBaseSnapshot(ctx.db, activity, refiOrigin());
  const originals = await originalsForExport(ctx.db, activity.id, snapshot);
  if (originals.elements.length > 0 && !input.includeFrameworkCodes)
    snapshot.codes = withoutUnusedFrameworkCodes(
      snapshot,
      new Set(
        originals.elements.flatMap((e) => (e.kind === 'code' && e.current ? [e.current] : [])),
      ),
    );
  onProgress?.('writing');
  const project = restoreOriginals(toRefiProject(snapshot), originals);
  const written = writeProject(project);
  onProgress?.('compressing');
  const bytes = buildQdpx(written);
  const selections = project.sources.reduce((n, s) => n + s.selections.length, 0);
  const counts = {
    sources: project.sources.length,
    codes: snapshot.codes.length,
    kept: originals.elements.filter((e) => e.xml !== null).length,
    files: originals.files.length,
    selections,
    codings: project.sources.reduce(
      (n, s) => n + s.selections.reduce((m, x) => m + x.codings.length, 0),
      0,
    ),
    cases: project.cases.length,
    notes: project.notes.length,
    users: project.users.length,
  };
  const fileName = exportFileName(activity, 'qdpx');
  await auditExport(ctx, activity, {
    format: 'qdpx',
    file: fileName,
    bytes: bytes.length,
    ...counts,
  });
  onProgress?.('done');
  return { fileName, contentType: 'application/zip', bytes, counts };
}
