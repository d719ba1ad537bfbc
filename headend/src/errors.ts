/**
 * The headend's error catalogue: every refusal has a stable code, and its HTTP status is
 * decided here and nowhere else (http/error-handler.ts reads this table).
 */
export const ErrorCodes = {
  VALIDATION: 400,
  BAD_CSV: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  /** T8/N4 (issue 16): the change is a supervisor's decision: ask for an approval instead. */
  APPROVAL_REQUIRED: 403,
  /** N2: a suspension needs a warning to every box of the account at least 24 h before. */
  N2_NOTICE_TOO_SHORT: 422,
  /** N4: planned work needs 48 h notice. */
  N4_LEAD_TIME_TOO_SHORT: 422,
  /** A notice kind that only a rule may send (fee due, suspension, restore) was sent by hand. */
  NOTICE_KIND_RULE_ONLY: 422,
  /** The target resolved to no box. */
  TARGET_EMPTY: 422,
  NOTICE_NOT_CANCELLABLE: 409,
  ACCOUNT_NOT_OVERDUE: 409,
  /** Too many wrong API tokens from one address in a minute. */
  TOO_MANY_ATTEMPTS: 429,
  CONFIG_INVALID: 500,
  INTERNAL: 500,
  /** The headend is stopping: requests in flight finish, new ones are refused (http/request-drain.ts). */
  SHUTTING_DOWN: 503,
} as const;

export type ErrorCode = keyof typeof ErrorCodes;

export class HeadendError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'HeadendError';
    this.code = code;
    this.details = details;
  }

  get status(): number {
    return ErrorCodes[this.code];
  }
}

export function notFound(what: string, id: string): HeadendError {
  return new HeadendError('NOT_FOUND', `${what} ${JSON.stringify(id)} not found`, { what, id });
}

/** A rule check for previews (the console's composer): allowed, or the refusal it would get. */
export function ruleVerdict(
  refusal: HeadendError | undefined,
):
  | { allowed: true }
  | { allowed: false; code: ErrorCode; message: string; details: Record<string, unknown> | undefined } {
  return refusal === undefined
    ? { allowed: true }
    : { allowed: false, code: refusal.code, message: refusal.message, details: refusal.details };
}
