import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { actorName } from '../auth';
import { withErrors } from '../responses/error-responses';
import { Callbacks, IncidentResolved, Incidents, Ticket } from '../responses/ticket-responses';
import { IdParams, lit } from '../schemas';
import { ResolveBody } from './ticket-routes';

const CallbackBody = Type.Object(
  {
    reached: Type.Boolean(),
    rating: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
    resolved: Type.Optional(Type.Boolean()),
    note: Type.Optional(Type.String({ maxLength: 512 })),
  },
  { additionalProperties: false },
);

/** Outage incidents (many tickets, one cause) and the phone-callback queue (T4). */
export function incidentRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const workers = { roles: ['maintainer', 'operator'] as const };
  const { lifecycle, followUp } = ctx.tickets;
  const id = (req: { params: unknown }) => (req.params as Static<typeof IdParams>).id;

  app.get(
    '/api/v1/incidents',
    {
      schema: {
        summary: 'Outage incidents',
        tags: ['tickets'],
        response: withErrors({ 200: Incidents }),
        querystring: Type.Object(
          { status: Type.Optional(lit(['open', 'resolved'] as const)) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const { status } = req.query as { status?: 'open' | 'resolved' };
      return { items: await ctx.stores.tickets.listIncidents({ limit: 200, ...(status ? { status } : {}) }) };
    },
  );
  app.post(
    '/api/v1/incidents/:id/resolve',
    {
      config: workers,
      schema: {
        summary: 'Resolve an incident and every linked ticket',
        tags: ['tickets'],
        params: IdParams,
        body: ResolveBody,
        response: withErrors({ 200: IncidentResolved }),
      },
    },
    async (req) =>
      lifecycle.resolveIncident(id(req), (req.body as Static<typeof ResolveBody>).resolution, actorName(req)),
  );

  app.get(
    '/api/v1/callbacks',
    {
      schema: {
        summary: 'The phone-callback queue (T4)',
        tags: ['tickets'],
        response: withErrors({ 200: Callbacks }),
        querystring: Type.Object(
          { status: Type.Optional(lit(['open', 'done'] as const)) },
          { additionalProperties: false },
        ),
      },
    },
    async (req) => {
      const { status } = req.query as { status?: 'open' | 'done' };
      return { items: await ctx.stores.tickets.listCallbacks({ limit: 1000, ...(status ? { status } : {}) }) };
    },
  );
  app.post(
    '/api/v1/callbacks/:id/complete',
    {
      config: workers,
      schema: {
        summary: 'Record the outcome of a callback',
        tags: ['tickets'],
        params: IdParams,
        body: CallbackBody,
        response: withErrors({ 200: Ticket }),
      },
    },
    async (req) => followUp.completeCallback(id(req), req.body as Static<typeof CallbackBody>, actorName(req)),
  );
}
