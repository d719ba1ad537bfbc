import type { FastifyInstance, FastifyRequest } from 'fastify';
import { HeadendError } from '../errors';
import type { ApiToken, Role } from '../ports/token-store';
import type { TokenService } from '../services/token-service';

declare module 'fastify' {
  interface FastifyRequest {
    actor: ApiToken | undefined;
  }
  interface FastifyContextConfig {
    /** Roles allowed to call the route; absent = every authenticated role. */
    roles?: readonly Role[];
    /** No token needed (health, metrics, OpenAPI, static apps). */
    public?: boolean;
  }
}

/** Bearer-token authentication for /api/v1 and role checks from each route's config. */
export function installAuth(app: FastifyInstance, tokens: TokenService): void {
  app.decorateRequest('actor', undefined);
  app.addHook('onRequest', async (req: FastifyRequest) => {
    const cfg = req.routeOptions.config;
    if (cfg.public === true || !req.url.startsWith('/api/')) return;
    const header = req.headers.authorization ?? '';
    const m = /^Bearer (\S+)$/.exec(header);
    const actor = m?.[1] === undefined ? undefined : await tokens.verify(m[1]);
    if (actor === undefined)
      throw new HeadendError('UNAUTHENTICATED', 'a valid API token is needed (Authorization: Bearer …)');
    const roles = cfg.roles;
    if (roles !== undefined && !roles.includes(actor.role)) {
      throw new HeadendError('FORBIDDEN', `role ${actor.role} may not do this; needs one of ${roles.join(', ')}`);
    }
    req.actor = actor;
  });
}

export function actorName(req: FastifyRequest): string {
  return req.actor === undefined ? 'anonymous' : `${req.actor.role}:${req.actor.name}`;
}
