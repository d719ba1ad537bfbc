import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { PauseReason, Severity, TicketKind, TicketStatus } from '../../ports/ticket-store';
import { RESTARTS } from '../../services/tickets/ticket-lifecycle';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { actorName } from '../auth';
import { Approval } from '../responses/approval-responses';
import { withErrors } from '../responses/error-responses';
import {
  SEVERITIES,
  Ticket,
  TicketDetail,
  TicketPage,
  TICKET_KINDS,
  TICKET_STATUSES,
} from '../responses/ticket-responses';
import { Id, IdParams, lit, Ms, page, Paging } from '../schemas';

const KINDS = TICKET_KINDS;
const STATUSES = TICKET_STATUSES;

const ListQuery = Type.Object(
  {
    ...Paging.properties,
    /** The short number the subscriber reads out (issue 17). */
    number: Type.Optional(Type.Integer({ minimum: 1, maximum: 4_294_967_295 })),
    status: Type.Optional(lit(STATUSES)),
    kind: Type.Optional(lit(KINDS)),
    zoneId: Type.Optional(Id),
    owner: Type.Optional(Type.String({ maxLength: 128 })),
    boxId: Type.Optional(Id),
    incidentId: Type.Optional(Id),
    breached: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const Reason = Type.String({ minLength: 1, maxLength: 512 });
const OpenBody = Type.Object(
  {
    kind: lit(KINDS),
    summary: Reason,
    boxId: Type.Optional(Id),
    accountId: Type.Optional(Id),
    zoneId: Type.Optional(Id),
    severity: Type.Optional(lit(SEVERITIES)),
    /** T9: a complaint caller's words, verbatim. */
    callerWords: Type.Optional(Type.String({ minLength: 1, maxLength: 4000 })),
    /** T5: when the call came in (a work order later than 30 minutes after it is a breach). */
    callReceivedAtMs: Type.Optional(Ms),
    /** T9: a major complaint, a key customer: handled first. */
    major: Type.Optional(Type.Boolean()),
    keyCustomer: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
const MessageBody = Type.Object(
  {
    message: Reason,
    /** T6: 'box' (default) sends it to the TV; 'phone' records a call the agent made. */
    channel: Type.Optional(lit(['box', 'phone'] as const)),
  },
  { additionalProperties: false },
);
const SeverityBody = Type.Object({ severity: lit(SEVERITIES), reason: Reason }, { additionalProperties: false });
const PauseBody = Type.Object(
  {
    reason: lit(['force-majeure', 'waiting-on-materials', 'waiting-on-customer'] as const),
    /** Why; for force majeure and materials it is the reason the supervisor reads. */
    note: Type.Optional(Type.String({ maxLength: 512 })),
    /** T3 waiting on materials: everything the customer still has to provide, asked for at once. */
    missing: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 128 }), { maxItems: 20 })),
  },
  { additionalProperties: false },
);
const ExtendBody = Type.Object({ dueAtMs: Ms, reason: Reason }, { additionalProperties: false });
const ReassignBody = Type.Object(
  { to: Type.String({ minLength: 1, maxLength: 128 }), reason: Reason },
  { additionalProperties: false },
);
export const ResolveBody = Type.Object({ resolution: Reason }, { additionalProperties: false });

export function ticketRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const workers = { roles: ['maintainer', 'operator', 'supervisor'] as const };
  const { lifecycle } = ctx.tickets;
  const id = (req: { params: unknown }) => (req.params as Static<typeof IdParams>).id;

  app.get(
    '/api/v1/tickets',
    {
      schema: {
        summary: 'List tickets (filter by number, status, zone, owner, box, incident, breached)',
        tags: ['tickets'],
        querystring: ListQuery,
        response: withErrors({ 200: TicketPage }),
      },
    },
    async (req) => {
      const q = req.query as Static<typeof ListQuery>;
      const p = page(q);
      const r = await ctx.stores.tickets.list({
        ...p,
        ...(q.number === undefined ? {} : { number: q.number }),
        ...(q.status ? { status: q.status as TicketStatus } : {}),
        ...(q.kind ? { kind: q.kind as TicketKind } : {}),
        ...(q.zoneId ? { zoneId: q.zoneId } : {}),
        ...(q.owner ? { owner: q.owner } : {}),
        ...(q.boxId ? { boxId: q.boxId } : {}),
        ...(q.incidentId ? { incidentId: q.incidentId } : {}),
        ...(q.breached === undefined ? {} : { breached: q.breached }),
      });
      const now = ctx.clock.now();
      return {
        ...r,
        ...p,
        items: r.items.map((t) => ({
          ...t,
          remainingMs: t.status === 'paused' ? t.dueAtMs - t.pausedAtMs : t.dueAtMs - now,
        })),
      };
    },
  );
  app.post(
    '/api/v1/tickets',
    {
      config: workers,
      schema: {
        summary:
          'Open a ticket for a call: complaint (T9, caller’s words), installation, relocation, restore, survey (T5, T7)',
        tags: ['tickets'],
        body: OpenBody,
        response: withErrors({ 201: Ticket }),
      },
    },
    async (req, reply) => {
      reply.status(201);
      return ctx.tickets.calls.open(
        req.body as Static<typeof OpenBody> & { kind: TicketKind; severity?: Severity },
        actorName(req),
      );
    },
  );
  app.get(
    '/api/v1/tickets/:id',
    {
      schema: {
        summary: 'A ticket with its full history, and the limits its diagnostics are judged by',
        tags: ['tickets'],
        params: IdParams,
        response: withErrors({ 200: TicketDetail }),
      },
    },
    async (req) => ({
      ...(await lifecycle.get(id(req))),
      events: await ctx.stores.tickets.events(id(req)),
      diagnosticLimits: ctx.config.tickets.diagnostics,
    }),
  );
  app.post(
    '/api/v1/tickets/:id/reply',
    {
      config: workers,
      schema: {
        summary: 'Reply to the customer (T6 first reply)',
        tags: ['tickets'],
        params: IdParams,
        body: MessageBody,
        response: withErrors({ 200: Ticket }),
      },
    },
    async (req) => {
      const b = req.body as Static<typeof MessageBody>;
      return lifecycle.reply(id(req), b.message, actorName(req), b.channel ?? 'box');
    },
  );
  app.post(
    '/api/v1/tickets/:id/start',
    {
      config: workers,
      schema: { summary: 'Start work', tags: ['tickets'], params: IdParams, response: withErrors({ 200: Ticket }) },
    },
    async (req) => lifecycle.start(id(req), actorName(req)),
  );
  app.post(
    '/api/v1/tickets/:id/severity',
    {
      config: workers,
      schema: {
        summary: 'Override the severity with a reason (T1)',
        tags: ['tickets'],
        params: IdParams,
        body: SeverityBody,
        response: withErrors({ 200: Ticket }),
      },
    },
    async (req) => {
      const b = req.body as Static<typeof SeverityBody>;
      return lifecycle.setSeverity(id(req), b.severity as Severity, b.reason, actorName(req));
    },
  );
  app.post(
    '/api/v1/tickets/:id/pause',
    {
      config: workers,
      schema: {
        summary:
          'Pause the SLA clock: the customer cannot be reached (at once), or force majeure (T2) / materials (T3), which a supervisor approves',
        tags: ['tickets'],
        params: IdParams,
        body: PauseBody,
        // A pause that restarts the limit (T2/T3) is answered 202 with the approval it waits for.
        response: withErrors({ 200: Ticket, 202: Approval }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof PauseBody>;
      const reason = b.reason as PauseReason;
      if (!RESTARTS.has(reason)) return lifecycle.pause(id(req), reason, b.note ?? '', actorName(req));
      // T2/T3: a pause that restarts the limit waits for a supervisor; answered with the approval.
      reply.status(202);
      return ctx.approvals.request(
        { kind: 'pause', ticketId: id(req), reason, missing: b.missing ?? [] },
        b.note ?? '',
        req.actor,
      );
    },
  );
  app.post(
    '/api/v1/tickets/:id/resume',
    {
      config: workers,
      schema: {
        summary: 'Resume the SLA clock: the full time limit starts again now (T2/T3)',
        tags: ['tickets'],
        params: IdParams,
        response: withErrors({ 200: Ticket }),
      },
    },
    async (req) => lifecycle.resume(id(req), actorName(req)),
  );
  app.post(
    '/api/v1/tickets/:id/extend',
    {
      config: workers,
      schema: {
        summary: 'Ask a supervisor to extend the deadline, with a reason (T8): answers the pending approval',
        tags: ['tickets'],
        params: IdParams,
        body: ExtendBody,
        response: withErrors({ 202: Approval }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof ExtendBody>;
      reply.status(202);
      return ctx.approvals.request({ kind: 'extension', ticketId: id(req), dueAtMs: b.dueAtMs }, b.reason, req.actor);
    },
  );
  app.post(
    '/api/v1/tickets/:id/reassign',
    {
      config: workers,
      schema: {
        summary: 'Hand the ticket over to a new owner (Z3)',
        tags: ['tickets'],
        params: IdParams,
        body: ReassignBody,
        response: withErrors({ 200: Ticket }),
      },
    },
    async (req) => {
      const b = req.body as Static<typeof ReassignBody>;
      return lifecycle.reassign(id(req), b.to, b.reason, actorName(req));
    },
  );
  app.post(
    '/api/v1/tickets/:id/resolve',
    {
      config: workers,
      schema: {
        summary: 'Resolve; the follow-up survey goes to the box (T4)',
        tags: ['tickets'],
        params: IdParams,
        body: ResolveBody,
        response: withErrors({ 200: Ticket }),
      },
    },
    async (req) => lifecycle.resolve(id(req), (req.body as Static<typeof ResolveBody>).resolution, actorName(req)),
  );
}
