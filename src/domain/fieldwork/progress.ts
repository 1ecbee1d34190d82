// Progress against the fieldwork plan (issue 17), for the morning and evening team meetings:
// cases seen against those planned, the remote share against the activity's expectation, time per
// case, voices heard per service area, observations done, lines of enquiry with too little
// evidence and sampled cases with no evidence yet, per inspector. Pure: the caller loads the plan
// and slim summaries of the evidence; `gapStatements` says the gaps in plain words.
import type { ObservationMode, PlanStatus, ServiceArea, VisitMode } from './vocabulary.js';

export interface Expectations {
  remoteShareMaxPercent: number;
  minutesPerCase: number;
  observationMode: ObservationMode;
  designatedObserverId: string | null;
}

export interface ProgressInput {
  expectations: Expectations;
  serviceAreas: ServiceArea[];
  minEvidencePerLine: number;
  /** The people on the team who inspect (who cases and observations go to). */
  inspectors: Array<{ id: string; label: string }>;
  /** The current sample (cases taken out are left out by the caller). */
  sampleCases: Array<{ id: string; childRef: string; caseId: string | null }>;
  visits: Array<{
    sampleCaseId: string;
    inspectorId: string;
    mode: VisitMode;
    status: PlanStatus;
    minutesSpent: number | null;
  }>;
  conversations: Array<{ serviceArea: string; status: PlanStatus }>;
  observations: Array<{ observerId: string; status: PlanStatus }>;
  /** Per judgement area, how many evidence records carry a child's or family's voice. */
  voiceRecordsByArea: Record<string, number>;
  /** The child cases (case ids) that have at least one evidence record. */
  casesWithEvidence: ReadonlySet<string>;
  lines: Array<{ id: string; title: string; status: string; evidenceCount: number }>;
}

export interface InspectorProgress {
  inspectorId: string;
  label: string;
  casesAllocated: number;
  casesSeen: number;
  observationsPlanned: number;
  observationsDone: number;
  /** Sampled cases allocated to this inspector with no evidence recorded yet. */
  casesWithoutEvidence: Array<{ sampleCaseId: string; childRef: string }>;
}

export interface FieldworkProgress {
  sampleSize: number;
  casesPlanned: number;
  casesSeen: number;
  casesUnallocated: number;
  visitsDone: number;
  remoteDone: number;
  /** Share of the visits done that were remote, in whole percent (null before any is done). */
  remoteSharePercent: number | null;
  /** Share of the visits planned or done that are remote (the plan's own share). */
  plannedRemoteSharePercent: number | null;
  remoteShareMaxPercent: number;
  /** Average minutes spent per case seen (visits done with minutes recorded). */
  minutesPerCaseSeen: number | null;
  minutesPerCaseExpected: number;
  voices: Array<{
    serviceArea: ServiceArea;
    conversationsPlanned: number;
    conversationsDone: number;
    evidenceRecords: number;
    heard: number;
  }>;
  observationsPlanned: number;
  observationsDone: number;
  observationMode: ObservationMode;
  designatedObserverId: string | null;
  thinLines: Array<{ id: string; title: string; evidenceCount: number }>;
  minEvidencePerLine: number;
  inspectors: InspectorProgress[];
}

const active = (s: PlanStatus) => s !== 'cancelled';
const percent = (part: number, whole: number) =>
  whole === 0 ? null : Math.round((100 * part) / whole);

export function computeProgress(input: ProgressInput): FieldworkProgress {
  const sample = new Map(input.sampleCases.map((c) => [c.id, c]));
  const visits = input.visits.filter((v) => active(v.status) && sample.has(v.sampleCaseId));
  const done = visits.filter((v) => v.status === 'done');
  const planned = new Set(visits.map((v) => v.sampleCaseId));
  const seen = new Set(done.map((v) => v.sampleCaseId));
  const remoteDone = done.filter((v) => v.mode === 'remote').length;
  const minutes = new Map<string, number>();
  for (const v of done)
    if (v.minutesSpent !== null)
      minutes.set(v.sampleCaseId, (minutes.get(v.sampleCaseId) ?? 0) + v.minutesSpent);
  const totalMinutes = [...minutes.values()].reduce((a, b) => a + b, 0);

  const voices = input.serviceAreas.map((area) => {
    const convs = input.conversations.filter((c) => c.serviceArea === area.key);
    const conversationsDone = convs.filter((c) => c.status === 'done').length;
    const evidenceRecords = area.judgements.reduce(
      (n, j) => n + (input.voiceRecordsByArea[j] ?? 0),
      0,
    );
    return {
      serviceArea: area,
      conversationsPlanned: convs.filter((c) => active(c.status)).length,
      conversationsDone,
      evidenceRecords,
      heard: conversationsDone + evidenceRecords,
    };
  });

  const observations = input.observations.filter((o) => active(o.status));
  const inspectors = input.inspectors.map((p): InspectorProgress => {
    const mine = visits.filter((v) => v.inspectorId === p.id);
    const cases = [...new Set(mine.map((v) => v.sampleCaseId))];
    const obs = observations.filter((o) => o.observerId === p.id);
    return {
      inspectorId: p.id,
      label: p.label,
      casesAllocated: cases.length,
      casesSeen: cases.filter((id) =>
        mine.some((v) => v.sampleCaseId === id && v.status === 'done'),
      ).length,
      observationsPlanned: obs.length,
      observationsDone: obs.filter((o) => o.status === 'done').length,
      casesWithoutEvidence: cases
        .map((id) => sample.get(id))
        .filter((c) => c !== undefined)
        .filter((c) => c.caseId === null || !input.casesWithEvidence.has(c.caseId))
        .map((c) => ({ sampleCaseId: c.id, childRef: c.childRef }))
        .sort((a, b) => a.childRef.localeCompare(b.childRef)),
    };
  });

  return {
    sampleSize: sample.size,
    casesPlanned: planned.size,
    casesSeen: seen.size,
    casesUnallocated: sample.size - planned.size,
    visitsDone: done.length,
    remoteDone,
    remoteSharePercent: percent(remoteDone, done.length),
    plannedRemoteSharePercent: percent(
      visits.filter((v) => v.mode === 'remote').length,
      visits.length,
    ),
    remoteShareMaxPercent: input.expectations.remoteShareMaxPercent,
    minutesPerCaseSeen: minutes.size === 0 ? null : Math.round(totalMinutes / minutes.size),
    minutesPerCaseExpected: input.expectations.minutesPerCase,
    voices,
    observationsPlanned: observations.length,
    observationsDone: observations.filter((o) => o.status === 'done').length,
    observationMode: input.expectations.observationMode,
    designatedObserverId: input.expectations.designatedObserverId,
    thinLines: input.lines
      .filter((l) => l.status !== 'closed' && l.evidenceCount < input.minEvidencePerLine)
      .map((l) => ({ id: l.id, title: l.title, evidenceCount: l.evidenceCount })),
    minEvidencePerLine: input.minEvidencePerLine,
    inspectors,
  };
}
