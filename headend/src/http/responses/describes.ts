import type { Static, TObject } from 'typebox';

/** The fields of `T` that the schema `S` does not name: fast-json-stringify would drop them from the answer. */
export type Undescribed<S extends TObject, T> = Exclude<keyof T, keyof Static<S>>;

/**
 * A response schema for a record of type `T` (a store's or a service's): it compiles only when
 * the schema names every field of `T`, so a field added to a port cannot silently vanish from
 * the API (fastify serializes with the response schema and drops what it does not name). That
 * the fields' types agree is checked where a route returns the record (TypeBoxProvider).
 */
export function describes<T>() {
  return <S extends TObject>(
    schema: S & ([Undescribed<S, T>] extends [never] ? unknown : { readonly undescribed: Undescribed<S, T> }),
  ): S => schema;
}
