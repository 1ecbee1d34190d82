// The demo: a fictional local authority with an inspection under way, and one account per role.
// Everything here is synthetic; nothing describes a real child, worker or authority.
import type { Role, TeamRole } from '../domain/access/roles.js';

export const DEMO_LA = {
  id: 'demo-northfield',
  name: 'Northfield (demo)',
  gss_code: 'E06999901',
  dfe_code: '999',
  ofsted_region: 'North West',
  ons_region_code: 'E12000002',
  ons_region: 'North West',
  la_type: 'Unitary Authority',
  population_0_17: 61_500,
  // Ten North West authorities of a similar size, so the LA page and the data profile have
  // neighbours to show (DfE codes, as the register stores them).
  stat_neighbours: ['350', '351', '353', '354', '355', '357', '359', '876', '877', '889'],
} as const;

export interface DemoUser {
  key: string;
  email: string;
  displayName: string;
  role: Role;
  region?: string;
  laId?: string;
  teamRole?: TeamRole;
}

export const DEMO_USERS: DemoUser[] = [
  { key: 'admin', email: 'admin@triangulate.example', displayName: 'Ada Admin', role: 'admin' },
  {
    key: 'national',
    email: 'national@triangulate.example',
    displayName: 'Nadia Okafor (national team)',
    role: 'national',
  },
  {
    key: 'regional',
    email: 'regional@triangulate.example',
    displayName: 'Rhys Evans (regional SHMI)',
    role: 'regional',
    region: 'North West',
  },
  {
    key: 'lead',
    email: 'lead@triangulate.example',
    displayName: 'Lena Marsh (lead inspector)',
    role: 'inspector',
    teamRole: 'lead_inspector',
  },
  {
    key: 'inspector',
    email: 'inspector@triangulate.example',
    displayName: 'Tom Achebe (HMI)',
    role: 'inspector',
    teamRole: 'team_inspector',
  },
  {
    key: 'qam',
    email: 'qam@triangulate.example',
    displayName: 'Quinn Harper (QAM)',
    role: 'inspector',
    teamRole: 'qam',
  },
  {
    key: 'analyst',
    email: 'analyst@triangulate.example',
    displayName: 'Ana Silva (data analyst)',
    role: 'inspector',
    teamRole: 'analyst',
  },
  {
    // Not on the team: sits on the inspection's consistency panel.
    key: 'panel',
    email: 'panel@triangulate.example',
    displayName: 'Priya Shah (HMI, consistency panel)',
    role: 'inspector',
  },
  {
    key: 'la',
    email: 'dcs@northfield.example',
    displayName: 'Lee Hughes (Northfield DCS)',
    role: 'la_user',
    laId: DEMO_LA.id,
  },
  {
    key: 'researcher',
    email: 'researcher@triangulate.example',
    displayName: 'Rosa Lindqvist (researcher)',
    role: 'researcher',
  },
];
