import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HeadendError } from '../errors';
import type { ApiToken, Role } from '../ports/token-store';
import type { TokenService } from '../services/token-service';
import { FailedAuthLimiter } from './failed-auth-limiter';

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

/**
 * Bearer-token authentication and role checks, decided on the route the router matched
 * (its config), never on the raw URL: `/%61pi/v1/tokens` matches the same route as
 * `/api/v1/tokens` and needs the same token. Deny by default: a route is open only when it
 * says `public: true` (health, metrics, OpenAPI, the static apps, the box's own routes,
 * which check the box's credential themselves).
 */
export function installAuth(app: FastifyInstance, tokens: TokenService): void {
  app.decorateRequest('actor', undefined);
  const limiter = new FailedAuthLimiter();
  app.addHook('onRequest', async (req: FastifyRequest, reply: FastifyReply) => {
    // No route matched: the 404 handler answers and serves nothing.
    if (req.routeOptions.url === undefined) return;
    const cfg = req.routeOptions.config;
    if (cfg.public === true) return;
    const header = req.headers.authorization ?? '';
    const m = /^Bearer (\S+)$/.exec(header);
    const actor = m?.[1] === undefined ? undefined : await tokens.verify(m[1]);
    if (actor === undefined) {
      // A valid token is never refused (operators behind one proxy share an address); wrong
      // ones beyond the limit are answered 429, which slows a guesser and floods no log.
      if (m?.[1] !== undefined) {
        const wait = limiter.retryAfterS(req.ip);
        if (wait > 0) {
          void reply.header('retry-after', String(wait));
          throw new HeadendError(
            'TOO_MANY_ATTEMPTS',
            `too many wrong tokens from this address; try again in ${wait} s`,
          );
        }
        limiter.fail(req.ip);
      }
      throw new HeadendError('UNAUTHENTICATED', 'a valid API token is needed (Authorization: Bearer …)');
    }
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
