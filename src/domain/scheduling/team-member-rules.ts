// The rules checked when an inspector is put on an activity's team by hand: on leave or training
// on a day of the activity (hard), a conflict of interest with its authority then (hard), already
// on another activity's team in those days (soft: a reason sets it aside).
import {
  absenceOverlaps,
  conflictHolds,
  type Absence,
  type Conflict,
} from './inspector-profile.js';

export interface TeamMemberFinding {
  rule: 'inspector_on_leave' | 'conflict_of_interest' | 'double_booked';
  severity: 'hard' | 'soft';
  detail: string;
}

export function checkTeamMember(p: {
  name: string;
  laId: string;
  start: string;
  end: string;
  absences: Pick<Absence, 'kind' | 'startsOn' | 'endsOn'>[];
  conflicts: Pick<Conflict, 'laId' | 'from' | 'to' | 'reason'>[];
  otherActivities: { title: string; start: string; end: string }[];
}): TeamMemberFinding[] {
  const out: TeamMemberFinding[] = [];
  for (const a of p.absences)
    if (absenceOverlaps(a, p.start, p.end))
      out.push({
        rule: 'inspector_on_leave',
        severity: 'hard',
        detail: `${p.name} is away (${a.kind}) from ${a.startsOn} to ${a.endsOn}`,
      });
  for (const c of p.conflicts)
    if (c.laId === p.laId && conflictHolds(c, p.start, p.end))
      out.push({
        rule: 'conflict_of_interest',
        severity: 'hard',
        detail: `${p.name} has a conflict of interest with this authority (${c.reason})`,
      });
  for (const o of p.otherActivities)
    if (o.start <= p.end && o.end >= p.start)
      out.push({
        rule: 'double_booked',
        severity: 'soft',
        detail: `${p.name} is on the team of ${o.title} (${o.start} to ${o.end})`,
      });
  return out;
}
