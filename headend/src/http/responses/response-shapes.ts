import { Type } from 'typebox';
import type { TEnum, TSchema, TString } from 'typebox';

/**
 * Shapes the response schemas share. They describe what is sent, they do not judge it:
 * fast-json-stringify picks a union's branch by validating, and a value matching none is a
 * 500 — so closed sets are `enum` (sent as is) and lists carry no size limits.
 */

/** A list as the store returns it (readonly in the static type, so a store's readonly arrays fit). */
export const listOf = <T extends TSchema>(item: T) => Type.Immutable(Type.Array(item));

/** `{ items: [...] }`, the answer of every list route. */
export const itemsOf = <T extends TSchema>(item: T) => Type.Object({ items: listOf(item) });

/** A page of a paged list: the items, how many there are in all, and the page asked for. */
export const pageOf = <T extends TSchema>(item: T) =>
  Type.Object({
    items: listOf(item),
    total: Type.Integer({ minimum: 0, description: 'how many match, over all pages' }),
    limit: Type.Integer({ minimum: 1 }),
    offset: Type.Integer({ minimum: 0 }),
  });

/** A closed set of strings, sent as is (an `enum`, which fast-json-stringify does not check). */
export const oneOf = <const T extends string[]>(values: readonly [...T], description?: string): TEnum<T> =>
  Type.Enum(values, description === undefined ? {} : { description });

/** An open record (a ticket's diagnostics, an event's detail): every key is sent as it is. */
export const openRecord = (description: string) => Type.Record(Type.String(), Type.Unknown(), { description });

/** Milliseconds since the Unix epoch; 0 = not (yet). */
export const At = Type.Integer({ minimum: 0, description: 'ms since the Unix epoch; 0 = not (yet)' });
/** A count. */
export const Count = Type.Integer({ minimum: 0 });

/** A response that is not JSON (a CSV export, a file, server-sent events), by content type. */
export interface ContentSchemas {
  readonly description?: string;
  readonly content: Record<string, { readonly schema: TSchema }>;
}

/** A text answer of one content type (its body is not serialized: fastify sends strings and buffers as they are). */
export function textOf(
  contentType: string,
  description: string,
): { description: string; content: Record<string, { schema: TString }> } {
  return { description, content: { [contentType]: { schema: Type.String({ description }) } } };
}
