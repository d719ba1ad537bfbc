import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { AuditPage } from '../responses/audit-responses';
import { withErrors } from '../responses/error-responses';
import { Ms } from '../schemas';

const AuditQuery = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    actor: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    /** From this time (inclusive) … */
    sinceMs: Type.Optional(Ms),
    /** … until this one (exclusive). */
    untilMs: Type.Optional(Ms),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0 })),
  },
  { additionalProperties: false },
);

/** Who did what, when and why (T8 approvals, N2–N4 decisions, staff and tokens), newest first. */
export function auditRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  app.get(
    '/api/v1/audit',
    {
      config: { roles: ['operator', 'supervisor'] },
      schema: {
        summary: 'The audit log, newest first, by subject, action, actor and period; paged',
        tags: ['auth'],
        querystring: AuditQuery,
        response: withErrors({ 200: AuditPage }),
      },
    },
    async (req) => {
      const q = req.query as Static<typeof AuditQuery>;
      const limit = q.limit ?? 100;
      const offset = q.offset ?? 0;
      // One more than asked for tells whether there is a next page.
      const rows = await ctx.stores.audit.list({
        ...(q.subject === undefined ? {} : { subject: q.subject }),
        ...(q.action === undefined ? {} : { action: q.action }),
        ...(q.actor === undefined ? {} : { actor: q.actor }),
        ...(q.sinceMs === undefined ? {} : { sinceMs: q.sinceMs }),
        ...(q.untilMs === undefined ? {} : { untilMs: q.untilMs }),
        limit: limit + 1,
        offset,
      });
      return { items: rows.slice(0, limit), limit, offset, more: rows.length > limit };
    },
  );
}
