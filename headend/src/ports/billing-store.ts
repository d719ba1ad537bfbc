export interface Invoice {
  readonly id: string;
  readonly accountId: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly dueAtMs: number;
  readonly status: 'open' | 'paid';
  readonly paidAtMs: number;
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
  upsertInvoice(inv: Omit<Invoice, 'status' | 'paidAtMs'>): Promise<void>;
  getInvoice(id: string): Promise<Invoice | undefined>;
  openInvoices(accountId: string): Promise<Invoice[]>;
  /** Records a payment (idempotent by id); marks the invoice paid when given. Returns false for a repeat. */
  recordPayment(p: Payment): Promise<boolean>;
  payments(accountId: string, sinceMs: number): Promise<Payment[]>;

  insertSuspension(s: Suspension): Promise<void>;
  getSuspension(id: string): Promise<Suspension | undefined>;
  suspensions(accountId: string): Promise<Suspension[]>;
  /** The scheduled or executed suspension of an account, if any. */
  activeSuspension(accountId: string): Promise<Suspension | undefined>;
  updateSuspension(
    id: string,
    change: Partial<Pick<Suspension, 'state' | 'executedAtMs' | 'suspendedNoticeId' | 'note' | 'suspendAtMs'>>,
  ): Promise<void>;

  insertRestore(r: Restore): Promise<void>;
  markRestored(id: string, restoredAtMs: number, noticeId: string): Promise<void>;
  restores(filter: { accountId?: string; unrestoredOnly?: boolean; limit: number }): Promise<Restore[]>;
}
