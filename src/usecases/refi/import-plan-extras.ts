// Small parts of the REFI import: the plan of a codebook-only (.qdc) import, and the wording of
// the review memo left for the team when the file could not say how evidence was gathered or
// what kind of case a case is.
import { countOf } from '../../domain/wording/plural.js';
import { evidenceMethodLabels, type EvidenceMethod } from '../../domain/evidence/vocabulary.js';
import type { RefiCode } from '../../domain/refi/model.js';
import { DEFAULT_METHOD, planImport, type ImportPlan } from '../../domain/refi/plan-import.js';
import type { ReadReport } from '../../domain/refi/read-project.js';

export function codebookPlan(
  codes: RefiCode[],
  origin: string | null,
  report: ReadReport,
): ImportPlan {
  return planImport(
    {
      name: 'Codebook',
      origin,
      creationDateTime: null,
      modifiedDateTime: null,
      users: [],
      codes,
      variables: [],
      cases: [],
      sources: [],
      notes: [],
      links: [],
      description: null,
      noteRefs: [],
      kept: [],
      files: [],
    },
    report,
    { judgementAreas: [], today: '1970-01-01' },
  );
}

const list = (items: string[]) =>
  items.length > 40
    ? `${items.slice(0, 40).join(', ')} and ${items.length - 40} more`
    : items.join(', ');

export const reviewMemo = {
  method: (refs: string[]) =>
    `REFI-QDA files do not record how evidence was gathered, so ${countOf(refs.length, 'imported record')} ${refs.length === 1 ? 'was' : 'were'} given the method “${evidenceMethodLabels[DEFAULT_METHOD as EvidenceMethod]}”: ${list(refs)}. Change the method of any that were gathered another way (a conversation, an observation…), or the method mix will be wrong.`,
  caseKind: (refs: string[]) =>
    `The file did not say what kind of case ${countOf(refs.length, 'case')} ${refs.length === 1 ? 'is' : 'are'}, so ${refs.length === 1 ? 'it was' : 'they were'} imported as children’s cases: ${list(refs)}. Check them.`,
};
