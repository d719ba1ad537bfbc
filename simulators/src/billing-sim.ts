/**
 * A billing system driving the headend's billing API over HTTP with a billing-role token:
 * invoices with due dates, payments, overdue accounts (N1–N3 are triggered from here).
 */
export class BillingSim {
  constructor(
    private readonly baseUrl: string,
    private readonly token: string,
  ) {}

  private async post(path: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${this.token}`, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  }

  invoice(invoiceId: string, accountId: string, amountMinor: number, dueAtMs: number) {
    return this.post('/api/v1/billing/invoices', { invoiceId, accountId, amountMinor, currency: 'CNY', dueAtMs });
  }

  pay(paymentId: string, accountId: string, amountMinor: number, paidAtMs: number, invoiceId?: string) {
    return this.post('/api/v1/billing/payments', {
      paymentId,
      accountId,
      amountMinor,
      currency: 'CNY',
      paidAtMs,
      method: 'wechat',
      ...(invoiceId ? { invoiceId } : {}),
    });
  }

  overdue(accountId: string, amountMinor: number, suspendAtMs?: number) {
    return this.post('/api/v1/billing/overdue', {
      accountId,
      amountMinor,
      currency: 'CNY',
      ...(suspendAtMs ? { suspendAtMs } : {}),
    });
  }
}
