// Guesses what kind of document a text is from its opening: focused-visit and monitoring-visit
// letters name themselves in their title ("Focused visit to ...", "Monitoring visit of ...") or say
// "this letter summarises the findings of a focused visit"; anything else is treated as an
// inspection report (which may mention an earlier focused visit further down).
import type { DocumentKind } from './types.js';

function names(text: string, visit: string): boolean {
  const title = new RegExp(`\\b${visit}\\s+visit\\s+(?:to|of|on|at)\\b`, 'i');
  const letter = new RegExp(
    `\\bthis\\s+letter\\s+(?:summarises|sets\\s+out|reports|describes)\\b[^.]{0,200}\\b${visit}\\s+visit\\b`,
    'i',
  );
  return title.test(text.slice(0, 400)) || letter.test(text.slice(0, 2500));
}

export function detectKind(text: string): DocumentKind {
  if (names(text, 'focused')) return 'focused-visit-letter';
  if (names(text, 'monitoring')) return 'monitoring-visit-letter';
  return 'inspection-report';
}
