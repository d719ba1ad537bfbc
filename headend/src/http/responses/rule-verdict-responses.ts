import { Type } from 'typebox';

/** A rule check for a preview (N2, N4): allowed, or the refusal a send would get. */
export const RuleVerdict = Type.Union([
  Type.Object({ allowed: Type.Literal(true) }),
  Type.Object({
    allowed: Type.Literal(false),
    code: Type.String(),
    message: Type.String(),
    details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
]);
