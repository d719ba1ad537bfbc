import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { ApprovalStatus } from '../../ports/staff-store';
import type { PauseReason, Severity } from '../../ports/ticket-store';
import type { ApprovalRequest } from '../../services/approvals';
import type { OutageInput } from '../../services/maintenance-rules';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { Approval, Approvals } from '../responses/approval-responses';
import { withErrors } from '../responses/error-responses';
import { Id, IdParams, lit, Ms } from '../schemas';
import { OutageFields } from './maintenance-routes';

const Reason = Type.String({ minLength: 1, maxLength: 512 });
const RequestBody = Type.Union([
  Type.Object(
    { kind: Type.Literal('extension'), ticketId: Id, dueAtMs: Ms, reason: Reason },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('severity'),
      ticketId: Id,
      severity: lit(['urgent', 'ordinary', 'complex'] as const),
      reason: Reason,
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('outage'), outage: OutageFields, reason: Reason }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('pause'),
      ticketId: Id,
      reason: Reason,
      pauseReason: lit(['force-majeure', 'waiting-on-materials'] as const),
      missing: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 20 })),
    },
    { additionalProperties: false },
  ),
]);
const DecisionBody = Type.Object(
  { note: Type.Optional(Type.String({ maxLength: 512 })) },
  { additionalProperties: false },
);
const ListQuery = Type.Object(
  {
    status: Type.Optional(lit(['pending', 'approved', 'rejected', 'failed'] as const)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

/**
 * Issue 16, approvals: a staff member asks (T8 extension, a severity change after a breach,
 * a hand-made OUTAGE notice); a different staff member with the supervisor role decides.
 */
export function approvalRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const staff = { roles: ['maintainer', 'operator', 'supervisor'] as const };
  const supervisor = { roles: ['supervisor'] as const };
  const id = (req: { params: unknown }) => (req.params as Static<typeof IdParams>).id;

  app.post(
    '/api/v1/approvals',
    {
      config: staff,
      schema: {
        summary: 'Ask a supervisor to approve a change (T8, N4)',
        tags: ['approvals'],
        body: RequestBody,
        response: withErrors({ 201: Approval }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof RequestBody>;
      const request: ApprovalRequest =
        b.kind === 'extension'
          ? { kind: b.kind, ticketId: b.ticketId, dueAtMs: b.dueAtMs }
          : b.kind === 'severity'
            ? { kind: b.kind, ticketId: b.ticketId, severity: b.severity as Severity }
            : b.kind === 'pause'
              ? {
                  kind: b.kind,
                  ticketId: b.ticketId,
                  reason: b.pauseReason as PauseReason,
                  missing: b.missing ?? [],
                }
              : { kind: b.kind, outage: b.outage as OutageInput };
      reply.status(201);
      return ctx.approvals.request(request, b.reason, req.actor);
    },
  );
  app.get(
    '/api/v1/approvals',
    {
      config: staff,
      schema: {
        summary: 'Approval requests, oldest first',
        tags: ['approvals'],
        querystring: ListQuery,
        response: withErrors({ 200: Approvals }),
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      return { items: await ctx.approvals.list(q.status as ApprovalStatus | undefined, q.limit ?? 100) };
    },
  );
  for (const decision of ['approve', 'reject'] as const) {
    app.post(
      `/api/v1/approvals/:id/${decision}`,
      {
        config: supervisor,
        schema: {
          summary: `${decision === 'approve' ? 'Approve and apply' : 'Reject'} a request (a supervisor other than the requester)`,
          tags: ['approvals'],
          params: IdParams,
          body: DecisionBody,
          response: withErrors({ 200: Approval }),
        },
      },
      async (req) =>
        ctx.approvals.decide(
          id(req),
          decision === 'approve',
          (req.body as Static<typeof DecisionBody> | undefined)?.note ?? '',
          req.actor,
        ),
    );
  }
}
