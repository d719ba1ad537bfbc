import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { ruleVerdict } from '../../errors';
import type { ApiContext } from '../api-context';
import { actorName } from '../auth';
import { Id, Ms, Texts } from '../schemas';

const MaintenanceBody = Type.Object(
  {
    zoneIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    startsAtMs: Ms,
    endsAtMs: Ms,
    reason: Type.String({ minLength: 1, maxLength: 256 }),
    texts: Type.Optional(Texts),
  },
  { additionalProperties: false },
);
const CheckQuery = Type.Object({ startsAtMs: Ms }, { additionalProperties: false });
const OutageBody = Type.Object(
  {
    zoneIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    etaMs: Type.Optional(Ms),
    incidentId: Type.Optional(Id),
    texts: Type.Optional(Texts),
  },
  { additionalProperties: false },
);

export function maintenanceRoutes(app: FastifyInstance, ctx: ApiContext): void {
  const operator = { roles: ['operator'] as const };

  app.post(
    '/api/v1/maintenance',
    {
      config: operator,
      schema: {
        summary: 'Announce planned line work to zones (N4: ≥ 48 h ahead, reminder before start)',
        tags: ['notices'],
        body: MaintenanceBody,
      },
    },
    async (req, reply) => {
      const r = await ctx.maintenance.plan(req.body as Static<typeof MaintenanceBody>, actorName(req));
      reply.status(201);
      return { ...(await ctx.notices.status(r.notice.id)), reminderAtMs: r.reminderAtMs };
    },
  );

  app.get(
    '/api/v1/maintenance/check',
    {
      schema: {
        summary: 'Would a maintenance notice starting then be allowed? (N4, for the composer)',
        tags: ['notices'],
        querystring: CheckQuery,
      },
    },
    async (req) => {
      return ruleVerdict(ctx.maintenance.check((req.query as Static<typeof CheckQuery>).startsAtMs));
    },
  );

  app.post(
    '/api/v1/outages',
    {
      config: operator,
      schema: { summary: 'Unplanned outage: an immediate OUTAGE notice to zones', tags: ['notices'], body: OutageBody },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof OutageBody>;
      const notice = await ctx.maintenance.outage(b, actorName(req));
      reply.status(201);
      return ctx.notices.status(notice.id);
    },
  );
}
