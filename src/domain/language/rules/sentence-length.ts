// Sentences over a length limit (default 35 words). Long sentences bury the finding and are hard
// for families and children to follow; the ILACS framework asks for clear, straightforward
// reports (2019 review, paragraphs 100 and 105). Only sentences that end with . ? or ! are
// measured: headings, table rows and unpunctuated list items cannot be split reliably.
import { countWords } from '../sentences.js';
import type { Hit, Rule } from '../types.js';
import { hit } from './match.js';

export const sentenceLengthRule: Rule = {
  id: 'sentence-length',
  title: 'Long sentence',
  why:
    'Long sentences are hard to follow for the families, children and councillors who read ' +
    'reports; one finding per sentence keeps the evidence and the judgement clear (2019 ILACS ' +
    'review, paragraphs 100 and 105).',
  suggestion:
    'Split it: one finding per sentence, then the evidence or example in the next sentence.',
  check({ sentences, config }) {
    const max = config.sentenceLength.maxWords;
    const hits: Hit[] = [];
    for (const s of sentences) {
      if (!s.terminal) continue;
      const words = countWords(s.text);
      if (words > max) {
        hits.push(hit(s, 0, s.text.length, `This sentence has ${words} words (limit ${max}).`));
      }
    }
    return hits;
  },
};
