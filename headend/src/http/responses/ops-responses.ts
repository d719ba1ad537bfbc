import { Type } from 'typebox';

/** Liveness and readiness. */
export const Health = Type.Object({
  status: Type.Literal('ok'),
  boxesConnected: Type.Optional(
    Type.Integer({
      minimum: 0,
      description: 'boxes connected now; absent when the broker does not tell (external brokers)',
    }),
  ),
  time: Type.String({ description: 'the headend’s clock, ISO 8601' }),
});

/** This document: OpenAPI 3.1 (its paths and components are passed through whole). */
export const OpenApiDocument = Type.Object({
  openapi: Type.String(),
  info: Type.Object({ title: Type.String(), version: Type.String() }),
  components: Type.Record(Type.String(), Type.Unknown()),
  paths: Type.Record(Type.String(), Type.Record(Type.String(), Type.Unknown())),
});
