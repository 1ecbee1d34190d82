#!/usr/bin/env node
// Entry point for `npx triangulate`: runs the compiled CLI (built by `npm install` / `npm run build`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const main = new URL('../dist/src/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(main))) {
  process.stderr.write(
    'Triangulate is not built yet: run `npm install` (or `npm run build`) first.\n',
  );
  process.exit(1);
}
await import(main.href);
