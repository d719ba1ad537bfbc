import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import type { Role } from '../../ports/token-store';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { actorName } from '../auth';
import { HeadendError } from '../../errors';
import { withErrors } from '../responses/error-responses';
import { StaffLeft, StaffMember, StaffMembers, ZoneMaintainerAssigned } from '../responses/staff-responses';
import { Id, IdParams, lit } from '../schemas';

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
export function staffRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  app.post(
    '/api/v1/staff',
    {
      config: { roles: ['operator', 'supervisor'] },
      schema: {
        summary: 'Add a staff member (staff number, name, phone, role)',
        tags: ['auth'],
        body: StaffBody,
        response: withErrors({ 201: StaffMember }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof StaffBody>;
      // The role that decides approvals is not handed out by the role it oversees.
      if (b.role === 'supervisor' && req.actor?.role !== 'supervisor') {
        throw new HeadendError('FORBIDDEN', 'a supervisor is added by a supervisor, or with `stb-notify staff add`');
      }
      const member = await ctx.tokens.addStaff(
        { staffNo: b.staffNo, name: b.name, phone: b.phone, role: b.role as Role, zoneId: b.zoneId ?? '' },
        actorName(req),
      );
      reply.status(201);
      return member;
    },
  );
  app.get(
    '/api/v1/staff',
    {
      config: { roles: ['operator', 'maintainer', 'supervisor'] },
      schema: { summary: 'Staff members', tags: ['auth'], response: withErrors({ 200: StaffMembers }) },
    },
    async () => ({ items: await ctx.stores.staff.listStaff() }),
  );
  app.put(
    '/api/v1/zones/:id/maintainer',
    {
      config: { roles: ['operator', 'supervisor'] },
      schema: {
        summary:
          'Z1/Z4: the zone’s maintainer, a staff member; the zone’s boxes are told who it is and the supervision phone',
        tags: ['registry'],
        params: IdParams,
        body: Type.Object({ staffNo: Id }, { additionalProperties: false }),
        response: withErrors({ 200: ZoneMaintainerAssigned }),
      },
    },
    async (req) =>
      ctx.zoneContact.assign(
        (req.params as Static<typeof IdParams>).id,
        (req.body as { staffNo: string }).staffNo,
        actorName(req),
      ),
  );
  app.post(
    '/api/v1/staff/:id/leave',
    {
      config: { roles: ['operator', 'supervisor'] },
      schema: {
        summary: 'A staff member left: their tokens are revoked, they can no longer ask or approve',
        tags: ['auth'],
        params: IdParams,
        response: withErrors({ 200: StaffLeft }),
      },
    },
    async (req) => {
      const staffNo = (req.params as Static<typeof IdParams>).id;
      // As for adding one: a supervisor's leaving is recorded by a supervisor.
      const member = await ctx.stores.staff.getStaff(staffNo);
      if (member?.role === 'supervisor' && req.actor?.role !== 'supervisor') {
        throw new HeadendError('FORBIDDEN', 'a supervisor’s leaving is recorded by a supervisor');
      }
      return ctx.tokens.staffLeft(staffNo, actorName(req));
    },
  );
}
