// Guesses what kind of document a text is from its opening: focused-visit and monitoring-visit
// letters name themselves near the top; anything else is treated as an inspection report.
import type { DocumentKind } from './types.js';

export function detectKind(text: string): DocumentKind {
  const head = text.slice(0, 2500).toLowerCase();
  if (
    /\bfocused\s+visit\s+to\b|\bthis\s+letter\b.{0,200}\bfocused\s+visit\b|\bfocused\s+visit\b.{0,200}\bletter\b/s.test(
      head,
    )
  )
    return 'focused-visit-letter';
  if (
    /\bmonitoring\s+visit\s+(?:to|of)\b|\bthis\s+letter\b.{0,200}\bmonitoring\s+visit\b|\bmonitoring\s+visit\b.{0,200}\bletter\b/s.test(
      head,
    )
  )
    return 'monitoring-visit-letter';
  return 'inspection-report';
}
