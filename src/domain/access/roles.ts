export const roles = [
  'admin',
  'national',
  'regional',
  'inspector',
  'la_user',
  'researcher',
] as const;
export type Role = (typeof roles)[number];

export const roleLabels: Record<Role, string> = {
  admin: 'Administrator',
  national: 'National team',
  regional: 'Regional team',
  inspector: 'Inspector',
  la_user: 'Local authority user',
  researcher: 'Researcher',
};

/** Roles a person can hold on one activity's team. */
export const teamRoles = [
  'lead_inspector',
  'team_inspector',
  'regulatory_inspector',
  'education_inspector',
  'qam',
  'analyst',
  'shadow',
] as const;
export type TeamRole = (typeof teamRoles)[number];

export const teamRoleLabels: Record<TeamRole, string> = {
  lead_inspector: 'Lead inspector',
  team_inspector: 'Team inspector',
  regulatory_inspector: 'Regulatory inspector',
  education_inspector: 'Education inspector',
  qam: 'Quality assurance manager',
  analyst: 'Data analyst',
  shadow: 'Shadowing',
};

/** The eight Ofsted regions (North East merged with Yorkshire and the Humber). */
export const ofstedRegions = [
  'East Midlands',
  'East of England',
  'London',
  'North East, Yorkshire and the Humber',
  'North West',
  'South East',
  'South West',
  'West Midlands',
] as const;
export type OfstedRegion = (typeof ofstedRegions)[number];
