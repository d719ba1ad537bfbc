export interface Invoice {
  readonly id: string;
  readonly accountId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly dueAtMs: number;
  readonly status: 'open' | 'paid';
  readonly paidAtMs: number;
  /** What payments have covered so far (N3 ledger); paid when it reaches amountMinor. */
  readonly paidMinor: number;
}

export interface Payment {
  readonly id: string;
  readonly accountId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly paidAtMs: number;
  readonly invoiceId: string;
  readonly method: string;
}

export type SuspensionState = 'scheduled' | 'executed' | 'cancelled' | 'lifted';

/** N2: a suspension and the warning that made it lawful. */
export interface Suspension {
  readonly id: string;
  readonly accountId: string;
  readonly warningNoticeId: string;
  readonly warnedAtMs: number;
  readonly suspendAtMs: number;
  readonly state: SuspensionState;
  readonly executedAtMs: number;
  readonly suspendedNoticeId: string;
  readonly note: string;
  /** The arrears it was for (N3: service comes back when payments made meanwhile cover them). */
  readonly amountMinor: number;
  /** Payments received while it stands. */
  readonly paidMinor: number;
}

/** N3: restore within 24 h of payment. */
export interface Restore {
  readonly id: string;
  readonly accountId: string;
  readonly suspensionId: string;
  readonly paidAtMs: number;
  readonly deadlineMs: number;
  /** 0 until service is back. */
  readonly restoredAtMs: number;
  readonly noticeId: string;
}

export interface BillingStore {
  upsertInvoice(inv: Omit<Invoice, 'status' | 'paidAtMs' | 'paidMinor'>): Promise<void>;
  getInvoice(id: string): Promise<Invoice | undefined>;
  openInvoices(accountId: string): Promise<Invoice[]>;
  /**
   * Records a payment and books it (allocatePayment: invoices, the active suspension) in one
   * transaction, once per payment id. `fresh`: this call recorded it; `processed`: its
   * consequences (restore, notices) were completed and marked so.
   */
  recordPayment(p: Payment): Promise<{ readonly fresh: boolean; readonly processed: boolean }>;
  /** The payment's consequences are complete; a retry of it is a plain duplicate from now on. */
  markPaymentProcessed(id: string, atMs: number): Promise<void>;
  payments(accountId: string, sinceMs: number): Promise<Payment[]>;

  /** False (nothing written) when the account already has a scheduled or executed suspension (a unique index). */
  insertSuspension(s: Suspension): Promise<boolean>;
  getSuspension(id: string): Promise<Suspension | undefined>;
  suspensions(accountId: string): Promise<Suspension[]>;
  /** The scheduled or executed suspension of an account, if any. */
  activeSuspension(accountId: string): Promise<Suspension | undefined>;
  /**
   * Applies `change`; with `onlyIf`, only while the suspension is in that state (a guarded
   * transition: a payment cancelling it and the job executing it cannot both win). True when
   * the row changed.
   */
  updateSuspension(
    id: string,
    change: Partial<
      Pick<
        Suspension,
        'state' | 'executedAtMs' | 'suspendedNoticeId' | 'note' | 'suspendAtMs' | 'warningNoticeId' | 'warnedAtMs'
      >
    >,
    onlyIf?: Suspension['state'],
  ): Promise<boolean>;

  /** False (nothing written) when the suspension already has its restore (one per suspension, a unique index). */
  insertRestore(r: Restore): Promise<boolean>;
  markRestored(id: string, restoredAtMs: number, noticeId: string): Promise<void>;
  restores(filter: { accountId?: string; unrestoredOnly?: boolean; limit: number }): Promise<Restore[]>;
}
