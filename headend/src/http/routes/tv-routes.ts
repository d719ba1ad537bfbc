import type { FastifyInstance } from 'fastify';
import { HeadendError } from '../../errors';
import { BoxAuthenticator } from '../../services/box-authenticator';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { builtAppDir } from '../built-app-dir';
import { BoxPayments } from '../responses/billing-responses';
import { withErrors } from '../responses/error-responses';
import { serveBuiltApp } from '../serve-built-app';

/** The built box app (stb-app/build), served at /tv/. */
const TV_DIR = builtAppDir('@stb-notify/stb-app');
const YEAR_MS = 365 * 24 * 60 * 60 * 1000;

export function tvRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  serveBuiltApp(app, {
    prefix: '/tv',
    dir: TV_DIR,
    summary: 'The box app (LightningJS), configured by its provisioning bundle',
    tag: 'box',
    // Lightning 2 compiles its property getters and setters with `new Function`.
    extraScriptSrc: ["'unsafe-eval'"],
  });

  // N6: the box shows its account's payments of the last 12 months. Box credential auth (Basic boxId:credential).
  const auth = new BoxAuthenticator(ctx.stores.registry);
  app.get(
    '/box/v1/payments',
    {
      config: { public: true },
      schema: {
        summary: 'Payments of the last 12 months for the calling box’s account (N6)',
        tags: ['box'],
        response: withErrors({ 200: BoxPayments }),
      },
    },
    async (req) => {
      const m = /^Basic ([A-Za-z0-9+/=]+)$/.exec(req.headers.authorization ?? '');
      // The credential is base64url (no ':'); box ids may contain ':'.
      const basic = m?.[1] === undefined ? '' : Buffer.from(m[1], 'base64').toString('utf8');
      const colon = basic.lastIndexOf(':');
      const [boxId, credential] = colon < 0 ? [] : [basic.slice(0, colon), basic.slice(colon + 1)];
      const r = await auth.byCredential(
        boxId,
        credential === undefined ? undefined : Buffer.from(credential),
        boxId ?? '',
      );
      if (!r.ok) throw new HeadendError('UNAUTHENTICATED', 'box credential needed (Basic boxId:credential)');
      const box = await ctx.stores.registry.getBox(r.identity.boxId);
      const items =
        box === undefined ? [] : await ctx.stores.billing.payments(box.accountId, ctx.clock.now() - YEAR_MS);
      return {
        items: items.map((p) => ({
          paidAtMs: p.paidAtMs,
          amountMinor: p.amountMinor,
          currency: p.currency,
          method: p.method,
        })),
      };
    },
  );
}
