// Locates the project's own files whether running from src/ (tests) or dist/src/ (built).
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | null = null;

export function projectRoot(): string {
  if (cached) return cached;
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'package.json'))) {
    const parent = path.dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (package.json)');
    dir = parent;
  }
  cached = dir;
  return dir;
}

export const frameworksDir = (): string => path.join(projectRoot(), 'frameworks');
/** Risk models (domains, rating scale, combining rule): versioned data beside the frameworks. */
export const riskModelsDir = (): string => path.join(projectRoot(), 'frameworks', 'risk');
/** Practice QA prompt sets (prompts, rating scale): versioned data beside the frameworks. */
export const practiceQaDir = (): string => path.join(projectRoot(), 'frameworks', 'practice-qa');
export const referenceDir = (): string => path.join(projectRoot(), 'reference');
export const viewsDir = (): string => path.join(projectRoot(), 'src', 'views');
export const publicDir = (): string => path.join(projectRoot(), 'dist', 'public');
export const govukDir = (): string =>
  path.join(projectRoot(), 'node_modules', 'govuk-frontend', 'dist');
