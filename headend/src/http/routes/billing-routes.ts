import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { notFound, ruleVerdict } from '../../errors';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { n2ProofCsv } from '../../services/n2-proof-csv';
import { actorName } from '../auth';
import {
  InvoiceReminders,
  PaymentOutcome,
  Payments,
  Restores,
  Suspension,
  SuspensionProof,
  Suspensions,
} from '../responses/billing-responses';
import { withErrors } from '../responses/error-responses';
import { RuleVerdict } from '../responses/rule-verdict-responses';
import { Id, IdParams, Money, Ms } from '../schemas';

const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

const InvoiceBody = Type.Object(
  { invoiceId: Id, accountId: Id, ...Money, dueAtMs: Ms },
  { additionalProperties: false },
);
const PaymentBody = Type.Object(
  {
    paymentId: Id,
    accountId: Id,
    ...Money,
    paidAtMs: Ms,
    invoiceId: Type.Optional(Id),
    method: Type.Optional(Type.String({ maxLength: 64 })),
  },
  { additionalProperties: false },
);
const OverdueBody = Type.Object(
  // draftId (issue 18): the draft it was written in, deleted with it.
  { accountId: Id, ...Money, suspendAtMs: Type.Optional(Ms), draftId: Type.Optional(Id) },
  { additionalProperties: false },
);
const RescheduleBody = Type.Object({ suspendAtMs: Ms }, { additionalProperties: false });
const SuspensionCheckQuery = Type.Object({ suspendAtMs: Ms }, { additionalProperties: false });
const RestoreQuery = Type.Object(
  {
    accountId: Type.Optional(Id),
    unrestoredOnly: Type.Optional(Type.Boolean()),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
  },
  { additionalProperties: false },
);

const ProofQuery = Type.Object({ format: Type.Optional(Type.Literal('csv')) }, { additionalProperties: false });

export function billingRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const billing = { roles: ['billing', 'operator'] as const };

  app.post(
    '/api/v1/billing/invoices',
    {
      config: billing,
      schema: {
        summary: 'Invoice due: schedules fee-due reminders (N1)',
        tags: ['billing'],
        body: InvoiceBody,
        response: withErrors({ 202: InvoiceReminders }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof InvoiceBody>;
      const r = await ctx.billing.invoiceDue(
        {
          id: b.invoiceId,
          accountId: b.accountId,
          amountMinor: b.amountMinor,
          currency: b.currency ?? 'CNY',
          dueAtMs: b.dueAtMs,
        },
        actorName(req),
      );
      reply.status(202);
      return r;
    },
  );

  app.post(
    '/api/v1/billing/payments',
    {
      config: billing,
      schema: {
        summary: 'Payment received: cancels reminders and suspension, restores service (N3)',
        tags: ['billing'],
        body: PaymentBody,
        response: withErrors({ 200: PaymentOutcome }),
      },
    },
    async (req) => {
      const b = req.body as Static<typeof PaymentBody>;
      return ctx.billing.paymentReceived(
        {
          id: b.paymentId,
          accountId: b.accountId,
          amountMinor: b.amountMinor,
          currency: b.currency ?? 'CNY',
          paidAtMs: b.paidAtMs,
          invoiceId: b.invoiceId ?? '',
          method: b.method ?? '',
        },
        actorName(req),
      );
    },
  );

  app.post(
    '/api/v1/billing/overdue',
    {
      config: billing,
      schema: {
        summary: 'Account overdue: warns every box now, suspends ≥ 24 h later (N2)',
        tags: ['billing'],
        body: OverdueBody,
        response: withErrors({ 201: Suspension }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof OverdueBody>;
      const s = await ctx.billing.accountOverdue(
        {
          accountId: b.accountId,
          amountMinor: b.amountMinor,
          currency: b.currency ?? 'CNY',
          ...(b.suspendAtMs === undefined ? {} : { suspendAtMs: b.suspendAtMs }),
        },
        actorName(req),
        b.draftId,
      );
      reply.status(201);
      return s;
    },
  );

  app.get(
    '/api/v1/billing/suspension-check',
    {
      schema: {
        summary: 'Would a suspension at that time be allowed? (N2: 24 h notice, for the composer)',
        tags: ['billing'],
        querystring: SuspensionCheckQuery,
        response: withErrors({ 200: RuleVerdict }),
      },
    },
    async (req) => {
      return ruleVerdict(ctx.billing.checkSuspension((req.query as Static<typeof SuspensionCheckQuery>).suspendAtMs));
    },
  );

  app.put(
    '/api/v1/accounts/:id/suspension',
    {
      config: billing,
      schema: {
        summary: 'Move a scheduled suspension (refused sooner than 24 h after the warning, N2)',
        tags: ['billing'],
        params: IdParams,
        body: RescheduleBody,
        response: withErrors({ 200: Suspension }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      return ctx.billing.rescheduleSuspension(
        id,
        (req.body as Static<typeof RescheduleBody>).suspendAtMs,
        actorName(req),
      );
    },
  );

  app.get(
    '/api/v1/accounts/:id/suspensions',
    {
      schema: {
        summary: 'Suspensions of an account',
        tags: ['billing'],
        params: IdParams,
        response: withErrors({ 200: Suspensions }),
      },
    },
    async (req) => ({
      items: await ctx.stores.billing.suspensions((req.params as Static<typeof IdParams>).id),
    }),
  );

  app.get(
    '/api/v1/suspensions/:id/proof',
    {
      schema: {
        summary: 'N2 proof: warning issued, delivered, displayed per box (format=csv: a spreadsheet for a regulator)',
        tags: ['billing'],
        params: IdParams,
        querystring: ProofQuery,
        response: withErrors({
          200: {
            description: 'the proof as JSON, or (format=csv) as a spreadsheet',
            content: {
              'application/json': { schema: SuspensionProof },
              'text/csv': { schema: Type.String({ description: 'one row per box, for a regulator' }) },
            },
          },
        }),
      },
    },
    async (req, reply) => {
      const { id } = req.params as Static<typeof IdParams>;
      const proof = await ctx.billing.proof(id);
      if ((req.query as Static<typeof ProofQuery>).format !== 'csv') return proof;
      reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="n2-proof-${id}.csv"`);
      return n2ProofCsv(proof, ctx.config.timeZone);
    },
  );

  app.get(
    '/api/v1/accounts/:id/payments',
    {
      schema: {
        summary: 'Payments of the last 12 months (N6)',
        tags: ['billing'],
        params: IdParams,
        response: withErrors({ 200: Payments }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      if ((await ctx.stores.registry.getAccount(id)) === undefined) throw notFound('account', id);
      return { items: await ctx.stores.billing.payments(id, ctx.clock.now() - YEAR_MS) };
    },
  );

  app.get(
    '/api/v1/restores',
    {
      schema: {
        summary: 'Service restores after payment, with their 24 h deadline (N3)',
        tags: ['billing'],
        querystring: RestoreQuery,
        response: withErrors({ 200: Restores }),
      },
    },
    async (req) => {
      const q = req.query as Static<typeof RestoreQuery>;
      const now = ctx.clock.now();
      const items = await ctx.stores.billing.restores({
        limit: q.limit ?? 100,
        ...(q.accountId ? { accountId: q.accountId } : {}),
        ...(q.unrestoredOnly ? { unrestoredOnly: true } : {}),
      });
      return {
        items: items.map((r) => ({
          ...r,
          breached: r.restoredAtMs === 0 ? now > r.deadlineMs : r.restoredAtMs > r.deadlineMs,
        })),
      };
    },
  );
}
