import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { ruleVerdict } from '../../errors';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { actorName } from '../auth';
import { Approval } from '../responses/approval-responses';
import { withErrors } from '../responses/error-responses';
import { PlannedMaintenance } from '../responses/notice-responses';
import { RuleVerdict } from '../responses/rule-verdict-responses';
import { Id, Ms, Texts } from '../schemas';

const MaintenanceBody = Type.Object(
  {
    zoneIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    startsAtMs: Ms,
    endsAtMs: Ms,
    reason: Type.String({ minLength: 1, maxLength: 256 }),
    texts: Type.Optional(Texts),
    /** Issue 18: the draft it was written in; deleted with it, so it is sent once. */
    draftId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
const CheckQuery = Type.Object({ startsAtMs: Ms }, { additionalProperties: false });
/** What an outage notice says: zones, the expected restore time, texts. */
export const OutageFields = Type.Object(
  {
    zoneIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }),
    etaMs: Type.Optional(Ms),
    incidentId: Type.Optional(Id),
    texts: Type.Optional(Texts),
  },
  { additionalProperties: false },
);
const OutageBody = Type.Object(
  {
    ...OutageFields.properties,
    /** Why it is an outage and not planned work (kept on the approval). */
    reason: Type.String({ minLength: 1, maxLength: 512 }),
    /** Issue 18: the draft it was written in; deleted with it, so it is sent once. */
    draftId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

export function maintenanceRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const operator = { roles: ['operator'] as const };

  app.post(
    '/api/v1/maintenance',
    {
      config: operator,
      schema: {
        summary: 'Announce planned line work to zones (N4: ≥ 48 h ahead, reminder before start)',
        tags: ['notices'],
        body: MaintenanceBody,
        response: withErrors({ 201: PlannedMaintenance }),
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
        response: withErrors({ 200: RuleVerdict }),
      },
    },
    async (req) => {
      return ruleVerdict(ctx.maintenance.check((req.query as Static<typeof CheckQuery>).startsAtMs));
    },
  );

  app.post(
    '/api/v1/outages',
    {
      config: { roles: ['operator', 'maintainer', 'supervisor'] },
      schema: {
        summary:
          'Unplanned outage made by hand: a request a supervisor approves (N4: planned work cannot dodge its 48 h this way); approved, the OUTAGE notice goes out at once',
        tags: ['notices'],
        body: OutageBody,
        response: withErrors({ 202: Approval }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof OutageBody>;
      const outage = {
        zoneIds: b.zoneIds,
        ...(b.etaMs === undefined ? {} : { etaMs: b.etaMs }),
        ...(b.incidentId === undefined ? {} : { incidentId: b.incidentId }),
        ...(b.texts === undefined ? {} : { texts: b.texts }),
      };
      reply.status(202);
      return ctx.approvals.request({ kind: 'outage', outage }, b.reason, req.actor, b.draftId);
    },
  );
}
