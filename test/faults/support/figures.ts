// Fault-suite figures: each test adds a line to a JSON file that `npm run test:faults` prints and
// that BENCHMARKS.md quotes.
import { appendFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { now } from '../../../src/clock.js';

export const FIGURES_FILE = path.resolve('test-results/faults.jsonl');

export function recordFigures(name: string, figures: Record<string, unknown>): void {
  mkdirSync(path.dirname(FIGURES_FILE), { recursive: true });
  appendFileSync(
    FIGURES_FILE,
    `${JSON.stringify({ name, at: now().toISOString(), ...figures })}\n`,
  );
  process.stdout.write(`[faults] ${name}: ${JSON.stringify(figures)}\n`);
}
