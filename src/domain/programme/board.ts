// A saved plan laid out for people: its placements by month and week (the board), and each
// inspector's weeks with the days of preparation, on site, write-up and QA their placements ask
// (the framework's workload per team role, as the inspectors' load page counts them).
import { addDays } from '../../clock.js';
import type { TeamRole } from '../access/roles.js';
import { MONTH_NAMES } from '../calendar/months.js';
import { inspectorLoad, type LoadAssignment } from '../scheduling/inspector-load.js';
import type { ActivityRules } from '../scheduling/rules-schema.js';
import { roleWorkload } from '../scheduling/team-shape.js';

export interface BoardMember {
  inspectorId: string;
  name: string;
  teamRole: string;
}

export interface BoardPlacement {
  id: string;
  laId: string;
  laName: string;
  activityType: string;
  week: number;
  start: string;
  end: string;
  team: BoardMember[];
  explanation: { typeLabel: string };
}

export interface BoardRosterEntry {
  id: string;
  name?: string | undefined;
  roles: string[];
  preparationDays: number;
  unavailable: { from: string; to: string; reason?: string | undefined }[];
}

export interface BoardMonth<P> {
  /** "January 2027". */
  label: string;
  placements: P[];
}

/** The placements grouped by the month their first day on site falls in, in date order. */
export function placementsByMonth<P extends BoardPlacement>(placements: P[]): BoardMonth<P>[] {
  const out: BoardMonth<P>[] = [];
  const sorted = [...placements].sort(
    (a, b) => a.start.localeCompare(b.start) || a.laName.localeCompare(b.laName),
  );
  for (const p of sorted) {
    const label = `${MONTH_NAMES[Number(p.start.slice(5, 7)) - 1]} ${p.start.slice(0, 4)}`;
    const last = out.at(-1);
    if (last?.label === label) last.placements.push(p);
    else out.push({ label, placements: [p] });
  }
  return out;
}

/** The team role the workload rules know a plan's role by. */
function teamRoleOf(planRole: string, roles: string[]): TeamRole {
  if (planRole === 'lead') return 'lead_inspector';
  if (planRole === 'qam') return 'qam';
  if (planRole === 'specialist') {
    if (roles.includes('education_inspector')) return 'education_inspector';
    if (roles.includes('regulatory_inspector')) return 'regulatory_inspector';
  }
  return 'team_inspector';
}

export interface InspectorWeek {
  weekStart: string;
  preparation: number;
  onSite: number;
  writeUp: number;
  qa: number;
  /** "Blackpool, standard inspection (lead)". */
  work: string[];
}

export interface InspectorPlan {
  inspectorId: string;
  name: string;
  placements: number;
  leads: number;
  siteWeeks: number;
  days: { preparation: number; onSite: number; writeUp: number; qa: number };
  /** Only the weeks with work. */
  weeks: InspectorWeek[];
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

/** Each inspector of the roster (and anyone else on a team) with their weeks of work. */
export function inspectorPlans(
  placements: BoardPlacement[],
  roster: BoardRosterEntry[],
  rules: Pick<ActivityRules, 'teams'> | null,
  window: { start: string; weeks: number },
): InspectorPlan[] {
  const people = new Map<string, BoardRosterEntry & { name: string }>();
  for (const r of roster) people.set(r.id, { ...r, name: r.name ?? r.id });
  for (const p of placements)
    for (const m of p.team)
      if (!people.has(m.inspectorId))
        people.set(m.inspectorId, {
          id: m.inspectorId,
          name: m.name,
          roles: [],
          preparationDays: 0,
          unavailable: [],
        });
  const out: InspectorPlan[] = [];
  for (const person of people.values()) {
    const mine = placements.flatMap((p) =>
      p.team.filter((m) => m.inspectorId === person.id).map((m) => ({ p, m })),
    );
    const assignments: LoadAssignment[] = mine.map(({ p, m }) => {
      const teamRole = teamRoleOf(m.teamRole, person.roles);
      return {
        activityId: p.id,
        title: `${p.laName}, ${p.explanation.typeLabel}`,
        laName: p.laName,
        activityType: p.activityType,
        teamRole,
        start: p.start,
        end: p.end,
        workload: roleWorkload(rules, p.activityType, teamRole),
        qaAfterDays: roleWorkload(rules, p.activityType, 'lead_inspector').writeUpDays,
      };
    });
    const load = inspectorLoad({
      workingDays: WEEKDAYS,
      maxSiteWeeksPerQuarter: 13,
      preparationDays: person.preparationDays,
      absences: person.unavailable.map((u) => ({
        kind: u.reason === 'training' ? 'training' : u.reason === 'other' ? 'other' : 'leave',
        startsOn: u.from,
        endsOn: u.to,
      })),
      assignments,
      // A week before the start: preparation for the first week's placements.
      from: addDays(window.start, -7),
      weeks: window.weeks + 3,
    });
    const weeks: InspectorWeek[] = load.weeks
      .filter((w) => w.total > 0)
      .map((w) => ({
        weekStart: w.weekStart,
        preparation: w.days.preparation,
        onSite: w.days.onSite,
        writeUp: w.days.writeUp,
        qa: w.days.qa,
        work: w.activities.map(
          (a) => `${a.title}${a.teamRole === 'lead_inspector' ? ' (lead)' : ''}`,
        ),
      }));
    const sum = (k: 'preparation' | 'onSite' | 'writeUp' | 'qa') =>
      weeks.reduce((n, w) => n + w[k], 0);
    out.push({
      inspectorId: person.id,
      name: person.name,
      placements: mine.length,
      leads: mine.filter(({ m }) => m.teamRole === 'lead').length,
      siteWeeks: weeks.filter((w) => w.onSite > 0).length,
      days: {
        preparation: sum('preparation'),
        onSite: sum('onSite'),
        writeUp: sum('writeUp'),
        qa: sum('qa'),
      },
      weeks,
    });
  }
  return out.sort((a, b) => a.name.localeCompare(b.name));
}
