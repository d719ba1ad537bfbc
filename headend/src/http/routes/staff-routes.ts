import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { Role } from '../../ports/token-store';
import type { ApiContext } from '../api-context';
import { actorName } from '../auth';
import { Id } from '../schemas';
import { lit } from './ticket-routes';

const StaffBody = Type.Object(
  {
    staffNo: Id,
    name: Type.String({ minLength: 1, maxLength: 64 }),
    phone: Type.String({ pattern: '^[0-9+ -]{3,32}$' }),
    role: lit(['operator', 'maintainer', 'supervisor', 'billing', 'read-only'] as const),
    zoneId: Type.Optional(Id),
  },
  { additionalProperties: false },
);

/** Issue 16: the named staff who ask for and decide approvals; tokens are issued to them. */
export function staffRoutes(app: FastifyInstance, ctx: ApiContext): void {
  app.post(
    '/api/v1/staff',
    {
      config: { roles: ['operator'] },
      schema: { summary: 'Add a staff member (staff number, name, phone, role)', tags: ['auth'], body: StaffBody },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof StaffBody>;
      const member = await ctx.tokens.addStaff(
        { staffNo: b.staffNo, name: b.name, phone: b.phone, role: b.role as Role, zoneId: b.zoneId ?? '' },
        actorName(req),
      );
      reply.status(201);
      return member;
    },
  );
  app.get('/api/v1/staff', { schema: { summary: 'Staff members', tags: ['auth'] } }, async () => ({
    items: await ctx.stores.staff.listStaff(),
  }));
}
