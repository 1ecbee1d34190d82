// The closed list of audited actions, each with its meaning. Use cases name one explicitly.
export const auditActions = {
  'user.created': 'An account was created',
  'user.updated': 'An account was changed (role, region, LA, disabled)',
  'user.password_changed': 'A password was changed',
  'user.signed_in': 'Someone signed in',
  'user.signed_out': 'Someone signed out',
  'la.reference_loaded': 'The local authority register was loaded or updated',
  'history.imported': 'Inspection history rows were imported',
  'activity.created': 'An activity was created',
  'activity.updated': 'An activity’s details were changed',
  'activity.state_changed': 'An activity moved to another state',
  'activity.team_member_added': 'Someone joined an activity’s team',
  'activity.team_member_removed': 'Someone left an activity’s team',
  'demo.seeded': 'The demo data was created',
} as const;

export type AuditAction = keyof typeof auditActions;
