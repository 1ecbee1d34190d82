// A case in an activity's sample as recorded: how it came in (the entry route), its cohort and
// stratum, and whether it was taken out again (and why).

export type EntryRouteName = 'advance' | 'on_site' | 'social_worker' | 'la_audit';

export interface SampleCase {
  id: string;
  activityId: string;
  drawId: string | null;
  cohort: string;
  childRef: string;
  caseId: string | null;
  caseCreated: boolean;
  lineOfEnquiryId: string | null;
  lineOfEnquiryTitle: string | null;
  route: EntryRouteName;
  stratum: string | null;
  criteria: string | null;
  remote: boolean;
  attributes: Record<string, string>;
  addedBy: string;
  addedAt: Date;
  /** Evidence records (not deleted) about the child case. */
  evidenceCount: number;
  removedAt: Date | null;
  removedBy: string | null;
  removalReason: string | null;
}
