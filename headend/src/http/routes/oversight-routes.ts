import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { figuresToCsv, Z2_TARGETS, zoneFigures } from '../../services/tickets/zone-figures';
import { yearSummary } from '../../services/tickets/zone-year';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { withErrors } from '../responses/error-responses';
import { ZoneFigures, ZoneYearSummary } from '../responses/figures-responses';
import { Escalations, Tickets } from '../responses/ticket-responses';
import { Id, lit } from '../schemas';

const YearQuery = Type.Object({ year: Type.String({ pattern: '^\\d{4}$' }) }, { additionalProperties: false });
const EscalationQuery = Type.Object(
  { zoneId: Type.Optional(Id), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 200 })) },
  { additionalProperties: false },
);
const MonthQuery = Type.Object(
  { month: Type.String({ pattern: '^\\d{4}-\\d{2}$' }), format: Type.Optional(lit(['json', 'csv'] as const)) },
  { additionalProperties: false },
);

/** What supervisors read: the escalation list (T10), follow-up gaps (T4) and the zone figures (Z2, Z5). */
export function oversightRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const workers = { roles: ['maintainer', 'operator', 'supervisor'] as const };
  const { followUp } = ctx.tickets;

  app.get(
    '/api/v1/escalations',
    {
      config: workers,
      schema: {
        summary: 'T10: unfinished tickets breached or about to be, earliest deadline first (the supervisor’s list)',
        tags: ['tickets'],
        querystring: EscalationQuery,
        response: withErrors({ 200: Escalations }),
      },
    },
    async (req) => {
      const q = req.query as Static<typeof EscalationQuery>;
      return { items: await ctx.tickets.breaches.escalations(q.zoneId, q.limit ?? 200) };
    },
  );

  app.get(
    '/api/v1/follow-up-gaps',
    {
      schema: {
        summary: 'Resolved tickets past 72 h without a follow-up outcome (T4: must be empty)',
        tags: ['tickets'],
        response: withErrors({ 200: Tickets }),
      },
    },
    async () => ({ items: await followUp.gaps() }),
  );

  app.get(
    '/api/v1/figures/zones',
    {
      schema: {
        summary: 'Monthly figures per zone against the Z2 targets (JSON or CSV)',
        tags: ['figures'],
        querystring: MonthQuery,
        response: withErrors({
          200: {
            description: 'the figures as JSON, or (format=csv) as a spreadsheet',
            content: {
              'application/json': { schema: ZoneFigures },
              'text/csv': { schema: Type.String({ description: 'one row per zone, with a byte-order mark' }) },
            },
          },
        }),
      },
    },
    async (req, reply) => {
      const q = req.query as Static<typeof MonthQuery>;
      const rows = await zoneFigures(ctx.stores, q.month, ctx.config.timeZone, ctx.clock.now());
      if (q.format === 'csv') {
        reply
          .type('text/csv; charset=utf-8')
          .header('content-disposition', `attachment; filename="zone-figures-${q.month}.csv"`);
        return figuresToCsv(rows); // BOM first: spreadsheet programs read the Chinese names as UTF-8
      }
      return { month: q.month, targets: Z2_TARGETS, items: rows };
    },
  );
  app.get(
    '/api/v1/figures/zones/yearly',
    {
      schema: {
        summary: 'Z2 yearly summary per zone (the monthly assessments added up) and Z5 staff with two or more breaches',
        tags: ['figures'],
        querystring: YearQuery,
        response: withErrors({ 200: ZoneYearSummary }),
      },
    },
    async (req) =>
      yearSummary(ctx.stores, (req.query as Static<typeof YearQuery>).year, ctx.config.timeZone, ctx.clock.now()),
  );
}
