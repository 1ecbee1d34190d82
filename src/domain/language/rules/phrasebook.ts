// Phrasebook repetition: long word sequences (8 words by default) shared with many earlier
// reports. In the 2019 ILACS review (paragraph 100) a DCS said the wording of reports made it look
// like inspectors were using a judgement-specific "phrasebook"; LAs should see their report as a
// unique, personalised document. Sequences in more than `maxShare` of the recent reference reports
// are mandated template text (headings, statutory wording) and are not flagged.
import { tokenize } from '../phrase-index.js';
import type { Hit, Rule } from '../types.js';
import { hit } from './match.js';

/**
 * Judgement words. A phrasebook is repeated *evaluative* wording (the 2019 review's "judgement-
 * specific phrasebook"); a shared run without any of these is a name ("children at risk of sexual
 * exploitation", "the pre-proceedings stage of the public law outline") or a factual template
 * ("has been in post since"), and is not flagged.
 */
const EVALUATIVE =
  /\b(?:good|better|best|effective(?:ly|ness)?|ineffective|strong(?:ly)?|strength\w*|weak\w*|well|timely|robust(?:ly)?|too|impact\w*|improv\w*|ensur\w*|consistent(?:ly)?|inconsistent(?:ly)?|appropriate(?:ly)?|poor(?:ly)?|inadequate|outstanding|thorough(?:ly)?|rigorous(?:ly)?|variable|variab\w+|limited|positive(?:ly)?|delay\w*|drift|swift(?:ly)?|prompt(?:ly)?|benefit\w*|valued|sensitive(?:ly)?|focus\w*|clear(?:ly)?|understand\w*|know(?:s|n)?|always|yet|serious|widespread|failures?|quickly|regular(?:ly)?|meaningful(?:ly)?|purposeful(?:ly)?|comprehensive(?:ly)?|detailed|skilled|committed|aspirational|ambitious|tenacious(?:ly)?|creative(?:ly)?|helpful|insufficient(?:ly)?|sufficient(?:ly)?|right|secure)\b/i;

/** Addresses, phone numbers and web links: publication boilerplate. */
const CONTACT = /(?:https?:\/\/|www\.|@[\w-]+\.|\b0\d{3}\s?\d{3}\s?\d{4}\b)/i;

export const phrasebookRule: Rule = {
  id: 'phrasebook',
  title: 'Phrasebook repetition',
  why:
    'Stock phrases shared with many other reports read as a phrasebook and say little about this ' +
    'local authority’s children (2019 ILACS review, paragraph 100: reports should be a unique, ' +
    'personalised account).',
  suggestion:
    'Say what inspectors saw here: a specific example, the number of children, what changed for them.',
  seesTemplate: true,
  check({ sentences, config, reference }) {
    if (!reference || reference.size === 0) return [];
    const { minReports, maxShare } = config.phrasebook;
    const n = reference.words;
    const hits: Hit[] = [];
    for (const s of sentences) {
      // Headings, labels, table rows and contact details are template, not prose.
      if (!s.terminal || CONTACT.test(s.text)) continue;
      const tokens = tokenize(s.text);
      if (tokens.length < n) continue;
      const stats = reference.lookup(tokens.map((t) => t.word));
      const flagged = stats.map((x) => x.reports >= minReports && x.recentShare <= maxShare);
      let i = 0;
      while (i < flagged.length) {
        if (!flagged[i]) {
          i++;
          continue;
        }
        let j = i;
        while (j + 1 < flagged.length && flagged[j + 1]) j++;
        const most = Math.max(...stats.slice(i, j + 1).map((x) => x.reports));
        const start = tokens[i]!.start;
        const end = tokens[j + n - 1]!.end;
        if (!EVALUATIVE.test(s.text.slice(start, end))) {
          i = j + n;
          continue;
        }
        hits.push(
          hit(
            s,
            start,
            end,
            `These ${j - i + n} words also appear in ${most} of ${reference.size} earlier reports.`,
          ),
        );
        i = j + n;
      }
    }
    return hits;
  },
};
