// Compiles the GOV.UK Frontend stylesheet with the project's settings into dist/public.
import { mkdirSync, writeFileSync, copyFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import * as sass from 'sass';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'dist', 'public');
mkdirSync(out, { recursive: true });
const result = sass.compile(path.join(root, 'src/client/styles/app.scss'), {
  style: 'compressed',
  importers: [new sass.NodePackageImporter()],
  quietDeps: true,
  silenceDeprecations: ['import'],
});
writeFileSync(path.join(out, 'app.css'), result.css);
const govuk = path.join(root, 'node_modules/govuk-frontend/dist/govuk');
copyFileSync(path.join(govuk, 'govuk-frontend.min.js'), path.join(out, 'govuk-frontend.min.js'));
// Browser modules compiled by tsc (src/client) are served from the same folder.
for (const file of [
  'app.js',
  'annex-a-upload.js',
  'corpus-import.js',
  'keep-place.js',
  'programme-solve.js',
  'offline.js',
  'offline-shell.js',
  'offline-store.js',
  'sw.js',
  'study-coding.js',
  'workbench.js',
  'workbench-offline.js',
  'workbench-picker.js',
  'workbench-query.js',
  'workbench-text.js',
]) {
  copyFileSync(path.join(root, 'dist/src/client', file), path.join(out, file));
}
