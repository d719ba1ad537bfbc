import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { ApiContext } from '../api-context';

const AuditQuery = Type.Object(
  {
    subject: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
    action: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })),
  },
  { additionalProperties: false },
);

/** Who did what, when and why (T8 approvals, N2–N4 decisions, staff and tokens), newest first. */
export function auditRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.get(
    '/api/v1/audit',
    {
      config: { roles: ['operator', 'supervisor'] },
      schema: {
        summary: 'The audit log, newest first, by subject and action',
        tags: ['auth'],
        querystring: AuditQuery,
      },
    },
    async (req) => {
      const q = req.query as Static<typeof AuditQuery>;
      return {
        items: await ctx.stores.audit.list({
          ...(q.subject === undefined ? {} : { subject: q.subject }),
          ...(q.action === undefined ? {} : { action: q.action }),
          limit: q.limit ?? 100,
        }),
      };
    },
  );
}
