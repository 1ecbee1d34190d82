// Who may review an evidence base blind: never someone linked to the LA. A link is being on the
// activity's team or panel, being one of the LA's own staff, having inspected the LA before, or
// working in the LA's region (the account's region, or any team in that region: inspectors'
// accounts carry no region, so where they have inspected says where they work). The reason is
// recorded when a pairing is refused. And the reviewer's own work list entry for a study.

export interface Candidate {
  userId: string;
  displayName: string;
  role: string;
  region: string | null;
  laId: string | null;
  /** Where they have inspected: the LAs and regions of every team they have been on. */
  inspectedLaIds: string[];
  inspectedRegions: string[];
}

export interface BaseLinks {
  laId: string;
  laRegion: string | null;
  /** Everyone on the original activity's team, and its consistency panel. */
  teamUserIds: string[];
}

/** Why this person may not review this evidence base, or null when they may. */
export function reviewerConflict(c: Candidate, base: BaseLinks): string | null {
  if (c.role !== 'inspector') return `${c.displayName} is not an inspector.`;
  if (base.teamUserIds.includes(c.userId))
    return `${c.displayName} was on the original inspection’s team or panel.`;
  if (c.laId !== null && c.laId === base.laId) return `${c.displayName} works for the LA.`;
  if (c.inspectedLaIds.includes(base.laId)) return `${c.displayName} has inspected this LA before.`;
  const region = base.laRegion;
  if (region !== null && (c.region === region || c.inspectedRegions.includes(region)))
    return `${c.displayName} works in the LA’s region (${region}).`;
  return null;
}

export interface StudyWorkFacts {
  studyId: string;
  studyTitle: string;
  baseLabel: string;
  pairId: string;
  recorded: boolean;
}

/** The reviewer's item on "your work": a blind review not yet recorded (no LA named). */
export function studyWorkItem(f: StudyWorkFacts) {
  return {
    kind: 'study_review' as const,
    activityId: f.studyId,
    activityTitle: `${f.studyTitle}: ${f.baseLabel}`,
    laName: 'blind review',
    text: `Review ${f.baseLabel} blind and record your pair's grades`,
    href: `/studies/${f.studyId}/reviews/${f.pairId}`,
    due: null,
  };
}
