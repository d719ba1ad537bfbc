import type { TSchema } from 'typebox';
import { Value } from 'typebox/value';

/** The schema of the value at `segments` below `schema`, for its `hint`. */
function schemaAt(schema: TSchema, segments: readonly string[]): TSchema | undefined {
  let s: TSchema | undefined = schema;
  for (const seg of segments) {
    if (s === undefined) return undefined;
    const props: Record<string, TSchema> | undefined = (s as { properties?: Record<string, TSchema> }).properties;
    const items: TSchema | undefined = (s as { items?: TSchema }).items;
    s = props?.[seg] ?? (/^\d+$/.test(seg) ? items : undefined);
  }
  return s;
}

/**
 * The schema's errors as one line each, named by dotted path: "rules.suspensionNoticeHours:
 * must be at least 24 (N2: 24 h notice before suspension), got 12", "http.prot: unknown setting".
 */
export function configErrors(schema: TSchema, value: unknown): string[] {
  const out = new Set<string>();
  for (const e of Value.Errors(schema, value)) {
    const segments = e.instancePath.split('/').filter((s) => s !== '');
    const path = segments.join('.');
    if (e.keyword === 'additionalProperties') {
      const names = (e.params as { additionalProperties?: string[] }).additionalProperties ?? [];
      for (const n of names) out.add(`${path === '' ? '' : `${path}.`}${n}: unknown setting`);
      continue;
    }
    if (e.keyword === 'boolean') continue; // the same unknown key, reported above
    const field = schemaAt(schema, segments);
    const parent = /^\d+$/.test(segments[segments.length - 1] ?? '')
      ? schemaAt(schema, segments.slice(0, -1))
      : undefined;
    const hint = (field as { hint?: string } | undefined)?.hint ?? (parent as { hint?: string } | undefined)?.hint;
    const got = segments.reduce<unknown>((v, s) => (v as Record<string, unknown> | undefined)?.[s], value);
    out.add(`${path}: ${hint ? `must be ${hint}` : e.message}, got ${JSON.stringify(got)}`);
  }
  return [...out];
}
