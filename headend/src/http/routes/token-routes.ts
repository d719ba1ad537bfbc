import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { HeadendError, notFound } from '../../errors';
import type { Role } from '../../ports/token-store';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { actorName } from '../auth';
import { withErrors } from '../responses/error-responses';
import { ApiTokens, CreatedToken, KeyRotation, Me, RevokedToken } from '../responses/token-responses';
import { IdParams } from '../schemas';

const TokenBody = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 64 }),
    role: Type.Union([
      Type.Literal('operator'),
      Type.Literal('billing'),
      Type.Literal('maintainer'),
      Type.Literal('read-only'),
    ]),
  },
  { additionalProperties: false },
);

export function tokenRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  const operator = { roles: ['operator'] as const };
  app.post(
    '/api/v1/tokens',
    {
      config: operator,
      schema: {
        summary: 'Create an API token (shown once)',
        tags: ['auth'],
        body: TokenBody,
        response: withErrors({ 201: CreatedToken }),
      },
    },
    async (req, reply) => {
      const b = req.body as Static<typeof TokenBody>;
      const r = await ctx.tokens.create(b.name, b.role as Role);
      await ctx.stores.audit.append({
        atMs: ctx.clock.now(),
        actor: actorName(req),
        action: 'token.created',
        subject: r.record.id,
        detail: { name: b.name, role: b.role },
      });
      reply.status(201);
      return { token: r.token, ...r.record };
    },
  );
  app.get(
    '/api/v1/tokens',
    {
      config: operator,
      schema: { summary: 'List API tokens', tags: ['auth'], response: withErrors({ 200: ApiTokens }) },
    },
    async () => ({ items: await ctx.stores.tokens.list() }),
  );
  app.delete(
    '/api/v1/tokens/:id',
    {
      config: operator,
      schema: {
        summary: 'Revoke an API token',
        tags: ['auth'],
        params: IdParams,
        response: withErrors({ 200: RevokedToken }),
      },
    },
    async (req) => {
      const { id } = req.params as Static<typeof IdParams>;
      if (!(await ctx.stores.tokens.revoke(id, ctx.clock.now()))) throw notFound('token', id);
      await ctx.stores.audit.append({
        atMs: ctx.clock.now(),
        actor: actorName(req),
        action: 'token.revoked',
        subject: id,
        detail: {},
      });
      return { revoked: id };
    },
  );
  app.post(
    '/api/v1/keys/rotate',
    {
      config: operator,
      schema: {
        summary: 'Rotate the notice-signing key; boxes get the new key set signed with the old key',
        tags: ['auth'],
        response: withErrors({ 200: KeyRotation }),
      },
    },
    async (req) => {
      const activeKeyId = await ctx.rotateNoticeKey();
      await ctx.stores.audit.append({
        atMs: ctx.clock.now(),
        actor: actorName(req),
        action: 'keys.rotated',
        subject: activeKeyId,
        detail: {},
      });
      return { activeKeyId };
    },
  );
  // The hotline comes along: the console's preview shows the one the boxes show (N7), not a guess.
  app.get(
    '/api/v1/me',
    {
      schema: {
        summary: 'Who am I (and the hotline notices carry)',
        tags: ['auth'],
        response: withErrors({ 200: Me }),
      },
    },
    async (req) => {
      // Never public: the auth hook has set the caller, or refused the request.
      if (req.actor === undefined) throw new HeadendError('UNAUTHENTICATED', 'a valid API token is needed');
      return { ...req.actor, hotline: ctx.config.hotline };
    },
  );
}
