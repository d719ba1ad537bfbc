import type { FastifyTypeProvider } from 'fastify';
import type { Static, TSchema } from 'typebox';

/**
 * fastify's type provider for TypeBox schemas (what @fastify/type-provider-typebox does, in
 * the few lines it takes): a route registered on `app.withTypeProvider<TypeBoxProvider>()`
 * gets its request typed from its request schemas and its handler's return value checked
 * against its response schemas — one schema validates, serializes, types and documents.
 */
export interface TypeBoxProvider extends FastifyTypeProvider {
  validator: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
  serializer: this['schema'] extends TSchema ? Static<this['schema']> : unknown;
}
