// The plan's gaps in plain words, for the team meeting: "No care leavers heard yet", "Remote
// share 45%, above the 30% set". Each statement stands alone; the order is the page's order.
import type { FieldworkProgress } from './progress.js';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export function gapStatements(p: FieldworkProgress): string[] {
  const out: string[] = [];
  if (p.sampleSize === 0) out.push('No cases sampled yet: draw the sample to plan case visits');
  else if (p.casesUnallocated > 0)
    out.push(
      `${capitalise(plural(p.casesUnallocated, 'sampled case'))} not allocated to an inspector`,
    );
  if (p.casesPlanned > 0 && p.casesSeen < p.casesPlanned)
    out.push(`${p.casesSeen} of ${plural(p.casesPlanned, 'planned case')} seen so far`);
  const share = p.remoteSharePercent ?? p.plannedRemoteSharePercent;
  if (share !== null && share > p.remoteShareMaxPercent)
    out.push(
      `${p.remoteSharePercent === null ? 'Planned remote share' : 'Remote share'} ${share}%, above the ${p.remoteShareMaxPercent}% set`,
    );
  if (p.minutesPerCaseSeen !== null && p.minutesPerCaseSeen < p.minutesPerCaseExpected)
    out.push(
      `${p.minutesPerCaseSeen} minutes per case seen on average, below the ${p.minutesPerCaseExpected} expected`,
    );
  for (const v of p.voices)
    if (v.heard === 0)
      out.push(
        v.conversationsPlanned === 0
          ? `No ${v.serviceArea.who} heard yet, and no conversation planned`
          : `No ${v.serviceArea.who} heard yet`,
      );
  if (p.observationsPlanned === 0) out.push('No observation of practice planned');
  else if (p.observationsDone === 0) out.push('No observation of practice done yet');
  if (p.observationMode === 'designated_observer' && p.designatedObserverId === null)
    out.push('No designated observer chosen');
  if (p.observationMode === 'day_per_inspector')
    for (const i of p.inspectors)
      if (i.observationsPlanned === 0) out.push(`No observation planned for ${i.label}`);
  for (const l of p.thinLines)
    out.push(
      `Line of enquiry “${l.title}” has ${plural(l.evidenceCount, 'piece', 'pieces')} of evidence (${p.minEvidencePerLine} wanted)`,
    );
  for (const i of p.inspectors)
    if (i.casesWithoutEvidence.length > 0)
      out.push(
        `${i.label}: ${plural(i.casesWithoutEvidence.length, 'allocated case')} with no evidence yet`,
      );
  return out;
}
