// The one error catalogue: stable machine codes, the HTTP status each maps to, a default message.
// Handlers and the CLI present these; nothing else decides how an error is shown.

export const errorCatalogue = {
  VALIDATION_FAILED: { status: 400, message: 'The request is not valid.' },
  IMPORT_INVALID: { status: 422, message: 'The file could not be imported.' },
  FRAMEWORK_INVALID: { status: 422, message: 'The framework definition is not valid.' },
  DOCUMENT_UNREADABLE: { status: 422, message: 'The document could not be read.' },
  UNAUTHENTICATED: { status: 401, message: 'Sign in to continue.' },
  INVALID_CREDENTIALS: { status: 401, message: 'The email address or password is not correct.' },
  CSRF_INVALID: {
    status: 403,
    message: 'The form has expired. Go back, reload the page and try again.',
  },
  PASSWORD_CHANGE_REQUIRED: {
    status: 403,
    message:
      'Your password was set by someone else: choose your own (POST /api/v1/users/{your id}/password, or the Change password page) before doing anything else.',
  },
  FORBIDDEN: { status: 403, message: 'You do not have permission to do that.' },
  // Unauthorised reads answer NOT_FOUND so that they reveal nothing, not even existence.
  NOT_FOUND: { status: 404, message: 'Not found.' },
  CONFLICT: { status: 409, message: 'Someone else changed this first. Reload and try again.' },
  ALREADY_EXISTS: { status: 409, message: 'That already exists.' },
  ACTIVITY_RULE_BROKEN: {
    status: 422,
    message:
      'The activity breaks a scheduling rule of the framework: change the type or the dates.',
  },
  ACTIVITY_RULE_REASON_NEEDED: {
    status: 422,
    message:
      'The activity goes against a scheduling rule that can be set aside only with a reason: give the reason, or change the type or the dates.',
  },
  PROGRAMME_NOT_PUBLISHABLE: {
    status: 422,
    message:
      'This plan cannot be published: it breaks a hard rule (named in the details) or has no plan. Solve again and publish the new run.',
  },
  CASE_ALREADY_ALLOCATED: {
    status: 409,
    message:
      'Another inspector is already allocated to this case. Mark the visit as planned jointly to allocate both.',
  },
  INVALID_TRANSITION: { status: 409, message: 'That change of state is not allowed.' },
  REPORT_NOT_READY: { status: 409, message: 'The report is not ready for that yet.' },
  STRENGTHS_UNACCOUNTED: {
    status: 409,
    message:
      'A strength fed back at a keeping-in-touch meeting is not in the draft: link it to a paragraph or say why it is left out.',
  },
  PRACTICE_QA_NO_LEAGUE_TABLE: {
    status: 400,
    message:
      'Practice patterns are never shown per inspector or observer: group by region, year or activity type.',
  },
  REPORT_WINDOW_CLOSED: {
    status: 409,
    message: 'The factual accuracy window has closed: comments can no longer be added.',
  },
  REPORT_PUBLISHED: {
    status: 409,
    message: 'The report is published: the published version cannot be changed.',
  },
  ACTION_PLAN_INCOMPLETE: {
    status: 422,
    message:
      'The action plan cannot be submitted yet: every item needs an action with an owner, a dated milestone and a measure of impact.',
  },
  ACTION_PLAN_ANSWERED: {
    status: 409,
    message: 'The region has already answered this version of the action plan.',
  },
  NO_ACTION_PLAN: {
    status: 409,
    message:
      'There is no published inspection of this local authority with an action plan to review.',
  },
  MONITORING_CLOSED: {
    status: 409,
    message:
      'This visit is published or cancelled: its views on the action plan can no longer be changed.',
  },
  ATTACHMENT_REFUSED: {
    status: 422,
    message:
      'The file could not be kept: it is not an accepted type, too large, or refused by the virus scanner.',
  },
  UPLOAD_TOO_LARGE: { status: 413, message: 'The file is too large for this upload.' },
  CELL_SUPPRESSED: {
    status: 409,
    message:
      'This cell holds too few records to open: small numbers are suppressed to protect children and staff.',
  },
  UPLOADS_IN_PROGRESS: {
    status: 429,
    message: 'You already have uploads in progress. Wait for them to finish, then try again.',
  },
  SERVER_BUSY_WITH_UPLOADS: {
    status: 429,
    message:
      'The server is already receiving as many files as it takes at once. Try again in a minute.',
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: 'This address does not accept that kind of request body.',
  },
  RATE_LIMITED: { status: 429, message: 'Too many attempts. Wait a few minutes and try again.' },
  DATA_DIR_LOCKED: { status: 503, message: 'The data folder is in use by another process.' },
  DATA_DIR_UNSAFE: {
    status: 500,
    message: 'The data folder can be read by other users of this computer.',
  },
  DATABASE_UNAVAILABLE: {
    status: 503,
    message:
      'The database cannot be reached just now (it may be restarting). Try again in a few seconds; if you were saving a change, reload first to see whether it was saved.',
  },
  FILE_TOO_COMPLEX: {
    status: 422,
    message: 'The file is too large or complex to read safely.',
  },
  JOB_INTERRUPTED: {
    status: 500,
    message:
      'The server running this job stopped before it finished, and the job was not started again. Nothing from it was saved: start it again.',
  },
  MIGRATION_FAILED: { status: 500, message: 'The database migration failed; nothing was changed.' },
  AUDIT_CHAIN_BROKEN: { status: 500, message: 'The audit log failed verification.' },
  INTERNAL: { status: 500, message: 'Something went wrong.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;

/** One problem with one piece of input: where it is and what is wrong. */
export interface ErrorDetail {
  file?: string;
  row?: number;
  field?: string;
  value?: string;
  reason: string;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[];

  constructor(
    code: ErrorCode,
    opts: { message?: string; details?: ErrorDetail[]; cause?: unknown } = {},
  ) {
    super(opts.message ?? errorCatalogue[code].message, { cause: opts.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = errorCatalogue[code].status;
    this.details = opts.details ?? [];
  }
}

export function isAppError(err: unknown): err is AppError {
  return err instanceof AppError;
}

/** Formats a detail as "file, row 4, field 'x': reason". */
export function formatDetail(d: ErrorDetail): string {
  const where = [
    d.file,
    d.row !== undefined ? `row ${d.row}` : undefined,
    d.field !== undefined ? `field '${d.field}'` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const value = d.value !== undefined ? ` (value '${d.value}')` : '';
  return where ? `${where}: ${d.reason}${value}` : `${d.reason}${value}`;
}

/** PostgreSQL SQLSTATE of a database error from either engine. */
export function sqlState(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}
