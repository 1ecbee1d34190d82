// Jargon: social-care and management terms that a family or the public will not follow ("front
// door", "step down", "RAG-rated", "drift", "robust"). The ILACS framework asks for reports that
// are clear, straightforward and free of jargon (2019 review, paragraphs 100 and 105). Only the
// first use of each term in a document is flagged; `jargon.allow` switches terms off.
import type { Hit, Rule } from '../types.js';
import { hit } from './match.js';

const WHY =
  'Reports and letters are read by children, families and the public; professional shorthand ' +
  'hides what actually happens to children (2019 ILACS review, paragraphs 100 and 105: clear, ' +
  'straightforward and free of jargon).';

/** Term (also its key for `jargon.allow`), pattern, plain alternative. */
export const JARGON: ReadonlyArray<{ term: string; re: RegExp; plain: string }> = [
  {
    term: 'front door',
    re: /\bfront\s+door\b/i,
    plain: 'the team that receives contacts and referrals',
  },
  {
    term: 'step down',
    re: /\bstep(?:ped|ping|s)?[\s-]+down\b/i,
    plain: 'moved to early help or a lower level of support',
  },
  {
    term: 'step up',
    re: /\bstep(?:ped|ping|s)?[\s-]+up\s+(?:to|from|into)\b(?!\s+social\s+work)/i,
    plain: 'moved to a social worker’s help',
  },
  {
    term: 'threshold',
    re: /\bthresholds?\b/i,
    plain: 'the level of need at which a service is offered',
  },
  { term: 'RAG-rated', re: /\bRAG[\s-]*rat(?:ed|ing)\b/i, plain: 'rated red, amber or green' },
  { term: 'edge of care', re: /\bedge[\s-]+of[\s-]+care\b/i, plain: 'at risk of coming into care' },
  {
    term: 'legal gateway',
    re: /\blegal\s+(?:gateway|planning\s+meeting)\b/i,
    plain: 'the meeting that decides whether to go to court',
  },
  {
    term: 'pre-proceedings',
    re: /\bpre-?proceedings\b/i,
    plain: 'the formal stage before care proceedings',
  },
  { term: 'drift', re: /\bdrift\b/i, plain: 'delay: plans that do not move forward' },
  { term: 'cohort', re: /\bcohorts?\b/i, plain: 'group' },
  { term: 'holistic', re: /\bholistic(?:ally)?\b/i, plain: 'covering all of the child’s needs' },
  {
    term: 'robust',
    re: /\brobust(?:ly|ness)?\b/i,
    plain: 'say what makes it strong: thorough, checked, challenged',
  },
  { term: 'embedded', re: /\b(?:embedded|embedding)\b/i, plain: 'part of everyday practice' },
  {
    term: 'lived experience',
    re: /\blived\s+experiences?\b/i,
    plain: 'what life is like for the child',
  },
  {
    term: 'voice of the child',
    re: /\bvoice\s+of\s+(?:the\s+)?(?:child|children)\b/i,
    plain: 'children’s views, wishes and feelings',
  },
  {
    term: 'child’s journey',
    re: /\b(?:child|children)(?:’s|'s|s’|s')?\s+journeys?\b/i,
    plain: 'what happened to the child over time',
  },
  { term: 'grip', re: /\bgrip\b/i, plain: 'a clear understanding of and control over' },
  { term: 'bespoke', re: /\bbespoke\b/i, plain: 'made for this child' },
  { term: 'sufficiency', re: /\bsufficiency\b/i, plain: 'having enough homes or services' },
  {
    term: 'contextual safeguarding',
    re: /\bcontextual\s+safeguarding\b/i,
    plain: 'protecting children from harm outside the family',
  },
  {
    term: 'stakeholders',
    re: /\bstakeholders?\b/i,
    plain: 'name them: partners, schools, families',
  },
  { term: 'going forward', re: /\bgoing\s+forward\b/i, plain: 'from now on' },
  { term: 'utilise', re: /\butili[sz](?:e|es|ed|ing|ation)\b/i, plain: 'use' },
  { term: 'silo', re: /\bsilo(?:s|ed)?\b/i, plain: 'working separately' },
  {
    term: 'wrap-around',
    re: /\bwrap[\s-]?around\b/i,
    plain: 'support from several services together',
  },
  { term: 'interface', re: /\binterfaces?\b/i, plain: 'where two services meet' },
];

export const jargonRule: Rule = {
  id: 'jargon',
  title: 'Jargon',
  why: WHY,
  suggestion: 'Use the plain words a family would use.',
  check({ sentences, config }) {
    const hits: Hit[] = [];
    const seen = new Set<string>();
    for (const s of sentences) {
      if (s.heading) continue;
      for (const j of JARGON) {
        if (seen.has(j.term) || config.jargon.allow.has(j.term.toLowerCase())) continue;
        const m = j.re.exec(s.text);
        if (!m) continue;
        seen.add(j.term);
        const start = m.index + (m[0].length - m[0].trimStart().length);
        hits.push(
          hit(s, start, m.index + m[0].length, `“${m[0].trim()}” is jargon.`, `Try: ${j.plain}.`),
        );
      }
    }
    return hits.sort((a, b) => a.sentence.index - b.sentence.index || a.start - b.start);
  },
};
