import type { FastifyInstance } from 'fastify';
import { Type } from 'typebox';
import type { Static } from 'typebox';
import { HeadendError } from '../../errors';
import type { ApiContext } from '../api-context';
import type { TypeBoxProvider } from '../typebox-provider';
import { withErrors } from '../responses/error-responses';
import { DraftTexts } from '../responses/notice-responses';
import { Ms } from '../schemas';

/** The rule-written notices an operator can start from the console, and what each needs. */
const DraftBody = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('MAINTENANCE'),
      startsAtMs: Ms,
      endsAtMs: Ms,
      reason: Type.String({ maxLength: 256 }),
    },
    { additionalProperties: false },
  ),
  Type.Object({ kind: Type.Literal('OUTAGE'), etaMs: Type.Optional(Ms) }, { additionalProperties: false }),
  Type.Object(
    {
      kind: Type.Literal('SUSPENSION_WARNING'),
      amountMinor: Type.Integer({ minimum: 1, maximum: 100_000_000 }),
      currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
      suspendAtMs: Ms,
    },
    { additionalProperties: false },
  ),
]);

/**
 * Issue 18: the console previews a rule-written notice with the texts the rules will write —
 * the same NoticeTexts the rules call, the configured hotline — instead of a placeholder.
 * Nothing is stored or sent.
 */
export function draftTextRoutes(fastify: FastifyInstance, ctx: ApiContext): void {
  const app = fastify.withTypeProvider<TypeBoxProvider>();
  app.post(
    '/api/v1/notices/draft-texts',
    {
      config: { roles: ['operator', 'supervisor', 'billing'] as const },
      schema: {
        summary: 'The texts the rules will write for a maintenance, outage or suspension notice (not stored, not sent)',
        tags: ['notices'],
        body: DraftBody,
        response: withErrors({ 200: DraftTexts }),
      },
    },
    async (req) => {
      const b = req.body as Static<typeof DraftBody>;
      const texts = ctx.texts;
      if (b.kind === 'MAINTENANCE') {
        if (b.endsAtMs <= b.startsAtMs) throw new HeadendError('VALIDATION', 'endsAtMs must be after startsAtMs');
        return { texts: texts.maintenance(b.startsAtMs, b.endsAtMs, b.reason, false), hotline: ctx.config.hotline };
      }
      if (b.kind === 'OUTAGE') return { texts: texts.outage(b.etaMs ?? 0), hotline: ctx.config.hotline };
      return {
        texts: texts.suspensionWarning(b.amountMinor, b.currency ?? 'CNY', b.suspendAtMs),
        hotline: ctx.config.hotline,
      };
    },
  );
}
