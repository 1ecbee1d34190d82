// The origin written into REFI-QDA exports, the names of exported files, and their audit event.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { writeAudit } from '../../data/audit-log.js';
import type { Activity } from '../../data/repositories/activities.js';
import { projectRoot } from '../../paths.js';
import type { UseCaseContext } from '../context.js';

let version: string | null = null;

/** 'Triangulate 0.1.0' (Project@origin and CodeBook@origin). */
export function refiOrigin(): string {
  version ??= (
    JSON.parse(readFileSync(path.join(projectRoot(), 'package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return `Triangulate ${version}`;
}

/** 'standard-inspection-north-la-council-2026-12-07.qdpx': safe in any file system. */
export function exportFileName(activity: Activity, ext: 'qdpx' | 'qdc'): string {
  const slug = `${activity.title} ${activity.plannedStart ?? ''}`
    .normalize('NFKD')
    .replace(/[^\w\s-]/g, '')
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, '-')
    .slice(0, 80)
    .replace(/-+$/, '');
  return `${slug || 'activity'}.${ext}`;
}

/** Records an export (format, file, size and counts) in the audit log. */
export async function auditExport(
  ctx: UseCaseContext,
  activity: Activity,
  after: { format: 'qdpx' | 'qdc'; file: string; bytes: number } & Record<string, unknown>,
): Promise<void> {
  await ctx.db.transaction().execute((trx) =>
    writeAudit(trx, ctx.actor, {
      action: 'refi.exported',
      entityType: 'activity',
      entityId: activity.id,
      activityId: activity.id,
      laId: activity.laId,
      after,
    }),
  );
}
