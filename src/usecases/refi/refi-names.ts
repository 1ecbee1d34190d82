// The origin written into REFI-QDA exports and the names of exported files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from '../../data/repositories/activities.js';
import { projectRoot } from '../../paths.js';

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
