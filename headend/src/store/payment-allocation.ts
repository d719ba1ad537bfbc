import type { Invoice, Payment, Suspension } from '../ports/billing-store';

export interface Allocation {
  /** Amounts added to invoices' paid sums; `settled` when that invoice is now paid in full. */
  readonly invoices: ReadonlyArray<{ readonly id: string; readonly addMinor: number; readonly settled: boolean }>;
  /** Added to the active suspension's paid sum (the whole payment: it pays the arrears). */
  readonly suspensionAddMinor: number;
}

/**
 * N3's ledger, shared by both stores (run inside their transaction): a payment goes first to
 * the invoice it names, then to the account's other open invoices, oldest due first. An
 * invoice is paid when what was paid on it covers its amount — a 1-fen payment naming a
 * 52-yuan invoice leaves it open. The active suspension counts every payment made while it
 * stands; service comes back only when they cover the arrears it was for.
 */
export function allocatePayment(p: Payment, open: readonly Invoice[], suspension: Suspension | undefined): Allocation {
  const order = [...open.filter((i) => i.id === p.invoiceId), ...open.filter((i) => i.id !== p.invoiceId)];
  let left = p.amountMinor;
  const invoices: Array<{ id: string; addMinor: number; settled: boolean }> = [];
  for (const inv of order) {
    if (left <= 0) break;
    const owed = Math.max(0, inv.amountMinor - inv.paidMinor);
    const add = Math.min(left, owed);
    if (add <= 0) continue;
    left -= add;
    invoices.push({ id: inv.id, addMinor: add, settled: inv.paidMinor + add >= inv.amountMinor });
  }
  return { invoices, suspensionAddMinor: suspension === undefined ? 0 : p.amountMinor };
}
