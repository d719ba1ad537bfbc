import type { Role } from './token-store';

/** A named staff member (issue 16: people, not free text, wherever a person is meant). */
export interface StaffMember {
  /** The staff number (工号), shown to subscribers for their zone's maintainer (Z4). */
  readonly staffNo: string;
  readonly name: string;
  readonly phone: string;
  readonly role: Role;
  /** The zone they look after ('' = every zone). */
  readonly zoneId: string;
  readonly createdAtMs: number;
  /** When they left (0 = still here): a leaver can neither request nor approve. */
  readonly leftAtMs: number;
}

/** Changes that are a supervisor's decision (T8 extension, severity after a breach, a hand-made OUTAGE). */
export type ApprovalKind = 'extension' | 'severity' | 'outage' | 'pause';
/** approved: decided and applied; failed: decided, but the change could not be made (see result). */
export type ApprovalStatus = 'pending' | 'approved' | 'rejected' | 'failed';

export interface Approval {
  readonly id: string;
  readonly kind: ApprovalKind;
  /** What it changes: a ticket id, or the zones of an OUTAGE notice. */
  readonly subject: string;
  /** The change asked for (new deadline, severity, the notice). */
  readonly request: Record<string, unknown>;
  readonly reason: string;
  /** Staff numbers: who asked, who decided. */
  readonly requestedBy: string;
  readonly requestedAtMs: number;
  readonly status: ApprovalStatus;
  readonly decidedBy: string;
  readonly decidedAtMs: number;
  readonly note: string;
  /** What approving did (the ticket's new deadline, the notice's id). */
  readonly result: string;
}

export interface StaffStore {
  /** False when the staff number exists already. */
  insertStaff(s: StaffMember): Promise<boolean>;
  getStaff(staffNo: string): Promise<StaffMember | undefined>;
  listStaff(): Promise<StaffMember[]>;
  /** Records that a staff member left; false when unknown or already gone. */
  markLeft(staffNo: string, atMs: number): Promise<boolean>;
  /** False when a request of this kind for this subject is already pending (a unique index). */
  insertApproval(a: Approval): Promise<boolean>;
  getApproval(id: string): Promise<Approval | undefined>;
  listApprovals(filter: { status?: ApprovalStatus; limit: number }): Promise<Approval[]>;
  /**
   * Decides a pending approval; false when it was decided already (two supervisors, one
   * request). The database refuses a decision by the requester (a CHECK).
   */
  decideApproval(
    id: string,
    decision: { status: 'approved' | 'rejected'; decidedBy: string; atMs: number; note: string; result: string },
  ): Promise<boolean>;
  /**
   * After the decision (which comes first, so two supervisors cannot both apply it): what
   * applying it did, and 'failed' when the change could not be made.
   */
  finishApproval(id: string, status: 'approved' | 'failed', result: string): Promise<void>;
}
