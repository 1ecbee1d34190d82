// Calibration figures written for people (pages and CLI alike): shares as percentages and
// Krippendorff's alpha to two places, each with its 95% bootstrap interval where there is one.
import type { FigureWithInterval } from './agreement.js';

const percent = (x: number) => `${Math.round(x * 100)}%`;

export function shareText(f: FigureWithInterval): string {
  if (f.value === null) return 'Not enough ratings';
  const interval =
    f.lower !== null && f.upper !== null
      ? ` (95% interval ${percent(f.lower)} to ${percent(f.upper)})`
      : '';
  return `${percent(f.value)}${interval}`;
}

export function alphaText(f: FigureWithInterval): string {
  if (f.value === null) return 'Not enough ratings';
  const interval =
    f.lower !== null && f.upper !== null
      ? ` (95% interval ${f.lower.toFixed(2)} to ${f.upper.toFixed(2)})`
      : '';
  return `${f.value.toFixed(2)}${interval}`;
}
