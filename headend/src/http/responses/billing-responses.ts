import { Type } from 'typebox';
import type {
  Payment as PaymentRecord,
  Restore as RestoreRecord,
  Suspension as SuspensionRecord,
} from '../../ports/billing-store';
import type { PaymentOutcome as PaymentOutcomeRecord } from '../../services/payment-rules';
import { Delivery } from './notice-responses';
import { describes } from './describes';
import { At, itemsOf, listOf, oneOf } from './response-shapes';

const Minor = Type.Integer({ minimum: 0, description: 'minor units (fen)' });

export const Payment = describes<PaymentRecord>()(
  Type.Object({
    id: Type.String(),
    accountId: Type.String(),
    amountMinor: Minor,
    currency: Type.String(),
    paidAtMs: At,
    invoiceId: Type.String(),
    method: Type.String(),
  }),
);
export const Payments = itemsOf(Payment);

export const Suspension = describes<SuspensionRecord>()(
  Type.Object({
    id: Type.String(),
    accountId: Type.String(),
    warningNoticeId: Type.String(),
    warnedAtMs: At,
    suspendAtMs: Type.Integer({ minimum: 0, description: 'N2: at least 24 h after the warning' }),
    state: oneOf(['scheduled', 'executed', 'cancelled', 'lifted'] as const),
    executedAtMs: At,
    suspendedNoticeId: Type.String(),
    note: Type.String(),
    amountMinor: Minor,
    paidMinor: Minor,
  }),
);
export const Suspensions = itemsOf(Suspension);

export const Restore = describes<RestoreRecord>()(
  Type.Object({
    id: Type.String(),
    accountId: Type.String(),
    suspensionId: Type.String(),
    paidAtMs: At,
    deadlineMs: Type.Integer({ minimum: 0, description: 'N3: service back within 24 h of the payment' }),
    restoredAtMs: At,
    noticeId: Type.String(),
  }),
);
/** A restore with whether it missed (or has already missed) its N3 deadline. */
export const RestoreRow = Type.Object({ ...Restore.properties, breached: Type.Boolean() });
export const Restores = itemsOf(RestoreRow);

/** What a payment did: the payment, whether it was a resend, the suspension it cancelled, the restore it started (N3). */
export const PaymentOutcome = describes<PaymentOutcomeRecord>()(
  Type.Object({
    payment: Payment,
    duplicate: Type.Boolean(),
    cancelledSuspension: Type.Optional(Type.String({ description: 'the id of the suspension it cancelled' })),
    restore: Type.Optional(Restore),
  }),
);

/** N1: when the fee-due reminders of an invoice go out. */
export const InvoiceReminders = Type.Object({ reminderAtMs: listOf(At) });

/** N2 proof: the suspension and, per box, its delivery of the warning. */
export const SuspensionProof = Type.Object({ suspension: Suspension, boxes: listOf(Delivery) });

/** N6: a box's own view of its account's payments (no ids). */
export const BoxPayments = itemsOf(
  Type.Object({ paidAtMs: At, amountMinor: Minor, currency: Type.String(), method: Type.String() }),
);
