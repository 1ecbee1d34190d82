// Whose turn it is, said in words: the in-app text (which names the activity) and the e-mail line
// (which never does: an e-mail leaves the system, so it carries a link and a short neutral
// sentence, never an LA, a child or a grade). Pure.

export const turnKinds = {
  panel_assigned: {
    app: 'You are on the consistency panel',
    email: 'You have been assigned to a consistency panel.',
    path: 'judgements/panel',
  },
  judgements_at_panel: {
    app: 'The judgements are at the consistency panel: make your challenges',
    email: 'Judgements are ready for your challenges.',
    path: 'judgements/panel',
  },
  judgements_at_qa: {
    app: 'The judgements are ready for your quality assurance',
    email: 'Judgements are ready for your quality assurance.',
    path: 'judgements/qa',
  },
  judgements_returned: {
    app: 'The judgements were sent back to the team',
    email: 'Judgements were sent back to your team.',
    path: 'judgements',
  },
  judgements_final: {
    app: 'The judgements are final: draft the report',
    email: 'Judgements are final: a report can be drafted.',
    path: 'report',
  },
  panel_comment: {
    app: 'A consistency panel member commented: answer it',
    email: 'A consistency panel comment is waiting for your answer.',
    path: 'judgements/panel',
  },
  consistency_query: {
    app: 'The consistency panel across inspections queried the judgements: answer it',
    email: 'A consistency panel query is waiting for your answer.',
    path: 'judgements/panel',
  },
  report_drafted: {
    app: 'A report draft was started: sign it off when it is ready',
    email: 'A report draft is waiting for your sign-off.',
    path: 'report',
  },
  draft_signed_off: {
    app: 'The draft is signed off: release it to the local authority',
    email: 'A signed-off draft is ready to release.',
    path: 'report/release',
  },
  report_released: {
    app: 'The draft report is ready for your factual accuracy check',
    email: 'A draft report is ready for your factual accuracy check.',
    path: 'report/factual-accuracy',
  },
  la_comment: {
    app: 'The local authority commented on factual accuracy: answer it',
    email: 'A factual accuracy comment is waiting for your answer.',
    path: 'report',
  },
  la_confirmed: {
    app: 'The local authority has no more comments: sign off the text',
    email: 'A report is waiting for your sign-off after the factual accuracy check.',
    path: 'report',
  },
  text_signed_off: {
    app: 'The text after the factual accuracy check is signed off: publish it',
    email: 'A signed-off report is ready to publish.',
    path: 'report/publish',
  },
  activity_notified: {
    app: 'Your authority has been notified of an inspection activity',
    email: 'Your authority has been notified of an inspection activity.',
    path: '',
  },
} as const;

export type TurnKind = keyof typeof turnKinds;

/** The page where the turn is taken, as a path inside the application. */
export function turnLink(kind: TurnKind, activityId: string): string {
  const p = turnKinds[kind].path;
  return `/activities/${activityId}${p ? `/${p}` : ''}`;
}

/** The in-app text: what to do, and on which activity. */
export function turnText(kind: TurnKind, activityTitle: string): string {
  return `${activityTitle}: ${turnKinds[kind].app}.`;
}

export interface TurnEmail {
  subject: string;
  body: string;
}

/** The e-mail: a neutral sentence and a link, nothing from the record itself. */
export function turnEmail(kind: TurnKind, link: string): TurnEmail {
  return {
    subject: 'Triangulate: it is your turn',
    body: [
      turnKinds[kind].email,
      '',
      `Open it in Triangulate: ${link}`,
      '',
      'You are receiving this because you take part in this work in Triangulate.',
    ].join('\n'),
  };
}

/** Delays before each retry of an e-mail that failed, in minutes; then it is marked failed. */
export const RETRY_MINUTES = [1, 5, 15, 60, 240] as const;

/** When to try again after `attempts` failed attempts, or null to give up. */
export function nextAttemptAt(attempts: number, now: Date): Date | null {
  const minutes = RETRY_MINUTES[attempts - 1];
  return minutes === undefined ? null : new Date(now.getTime() + minutes * 60_000);
}
