import { MAX_TIME_MS } from '@stb-notify/protocol';
import { Type } from 'typebox';

/** Shared JSON Schemas for the API (typebox builds plain JSON Schema; fastify validates with it). */
export const Id = Type.String({ pattern: '^[A-Za-z0-9_.:-]{1,64}$', description: 'id: 1-64 of [A-Za-z0-9_.:-]' });
/** A time: ms since the Unix epoch, up to the protocol's bound (year 2200), so a box can always compute with it. */
export const Ms = Type.Integer({ minimum: 0, maximum: MAX_TIME_MS, description: 'milliseconds since the Unix epoch' });
export const Paging = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 50 })),
    offset: Type.Optional(Type.Integer({ minimum: 0, maximum: 10_000_000, default: 0 })),
  },
  { additionalProperties: false },
);
/** A closed set of strings (an enum as a union of literals, which TypeBox types exactly). */
export const lit = <T extends string>(xs: readonly T[]) => Type.Union(xs.map((x) => Type.Literal(x)));

export const IdParams = Type.Object({ id: Id });

export const TextSchema = Type.Object(
  {
    lang: Type.Union([Type.Literal('zh-CN'), Type.Literal('en')]),
    title: Type.String({ minLength: 1, maxLength: 256 }),
    body: Type.String({ maxLength: 4000 }),
  },
  { additionalProperties: false },
);
export const Texts = Type.Array(TextSchema, { minItems: 1, maxItems: 2, description: 'zh-CN is required' });

export const Target = Type.Union([
  Type.Object({ type: Type.Literal('all') }, { additionalProperties: false }),
  Type.Object(
    { type: Type.Literal('zones'), zoneIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('accounts'), accountIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }) },
    { additionalProperties: false },
  ),
  Type.Object(
    { type: Type.Literal('boxes'), boxIds: Type.Array(Id, { minItems: 1, maxItems: 1000 }) },
    { additionalProperties: false },
  ),
]);

export const Money = {
  amountMinor: Type.Integer({ minimum: 0, maximum: 1e12, description: 'minor units (fen)' }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', default: 'CNY' }),
};

export function page(q: { limit?: number; offset?: number }): { limit: number; offset: number } {
  return { limit: q.limit ?? 50, offset: q.offset ?? 0 };
}
