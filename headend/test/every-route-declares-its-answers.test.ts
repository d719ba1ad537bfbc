import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

interface Operation {
  readonly responses?: Record<string, { readonly content?: Record<string, { readonly schema?: unknown }> }>;
}

/** Every operation of the OpenAPI document, as `METHOD path`. */
function operations(doc: { paths: Record<string, Record<string, Operation>> }): Array<[string, Operation]> {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]): [string, Operation] => [`${method.toUpperCase()} ${path}`, op]),
  );
}

const schemaOf = (op: Operation, code: string): unknown =>
  Object.values(op.responses?.[code]?.content ?? {}).find((c) => c.schema !== undefined)?.schema;

// Issue 18: one schema serializes an answer, documents it and types the console. A route
// without a response schema would answer unchecked and be invisible to the console's types.
describe('/openapi.json describes what every route answers', () => {
  let t: TestHeadend;
  let doc: { paths: Record<string, Record<string, Operation>> };
  beforeAll(async () => {
    t = await startTestHeadend();
    const res = await t.h.app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    doc = res.json();
  });
  afterAll(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  it('every route declares a 2xx answer with its schema (the apps’ bare prefixes only redirect)', () => {
    const ops = operations(doc);
    expect(ops.length).toBeGreaterThan(60);
    const undescribed = ops
      .filter(([, op]) => !Object.keys(op.responses ?? {}).some((code) => /^2/.test(code) && schemaOf(op, code)))
      .map(([name, op]) => (op.responses?.['302'] === undefined ? name : `${name} → 302`));
    // `/tv` and `/console` answer only with a redirect to their app (`/tv/`, `/console/`).
    expect(undescribed.sort()).toEqual(['GET /console → 302', 'GET /tv → 302']);
  });

  it('every route declares the coded error body for 4XX and 5XX', () => {
    const missing = operations(doc)
      .filter(([, op]) =>
        ['4XX', '5XX'].some((code) => {
          const s = schemaOf(op, code) as { required?: string[] } | undefined;
          return !(s?.required?.includes('code') && s.required.includes('message'));
        }),
      )
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it('a record with open fields keeps them open (a ticket’s diagnostics, a notice’s detail)', () => {
    const ticket = schemaOf(doc.paths['/api/v1/tickets/{id}']?.get ?? {}, '200') as {
      properties: Record<string, { patternProperties?: unknown }>;
    };
    expect(ticket.properties.diagnostics?.patternProperties).toBeDefined();
    expect(ticket.properties.events).toBeDefined();
    const status = schemaOf(doc.paths['/api/v1/notices/{id}']?.get ?? {}, '200') as {
      properties: { notice: { properties: Record<string, { patternProperties?: unknown }> } };
    };
    expect(status.properties.notice.properties.detail?.patternProperties).toBeDefined();
  });
});
