import { request } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDir, startTestHeadend } from './support/test-headend';
import type { TestHeadend } from './support/test-headend';

/**
 * Issue 17: a box must not download the TV app in full at every start. The apps go out
 * compressed, with validators; hashed file names are kept by the browser for a year.
 */

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with the headers given and nothing decoded (fetch would decompress). */
function get(url: string, headers: Record<string, string> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    })
      .on('error', reject)
      .end();
  });
}

describe('the TV and console apps are served compressed, with ETags and long caching of hashed names', () => {
  let t: TestHeadend;
  beforeAll(async () => {
    t = await startTestHeadend();
  });
  afterAll(async () => {
    await t.stop();
    await removeDir(t.dir);
  });

  it('a box gets the TV page and script compressed, and the script under its content hash for a year', async () => {
    const page = await get(`${t.h.urls.http}/tv/`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(page.status).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.vary).toContain('accept-encoding');
    const html = brotliDecompressSync(page.body).toString('utf8');
    const script = /<script src="(app\.[A-Za-z0-9_-]{12}\.js)">/.exec(html)?.[1];
    expect(script).toBeDefined();

    const plain = await get(`${t.h.urls.http}/tv/${script}`);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const gz = await get(`${t.h.urls.http}/tv/${script}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).equals(plain.body)).toBe(true);
    // The budget for the first download of a low-end box.
    expect(gz.body.length).toBeLessThanOrEqual(150 * 1024);
    // Each encoding is its own representation.
    expect(gz.headers.etag).not.toBe(plain.headers.etag);

    // The unhashed name is not served: a cached page can never mix an old and a new script.
    expect((await get(`${t.h.urls.http}/tv/app.js`)).status).toBe(404);
    expect((await get(`${t.h.urls.http}/tv/manifest.json`)).status).toBe(404);
  });

  it('a box starting again with its cached page is answered 304 with no body', async () => {
    const first = await get(`${t.h.urls.http}/tv/`, { 'accept-encoding': 'gzip' });
    const etag = String(first.headers.etag);
    const again = await get(`${t.h.urls.http}/tv/`, { 'accept-encoding': 'gzip', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    // A validator of another encoding does not match this one.
    const other = await get(`${t.h.urls.http}/tv/`, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(other.status).toBe(200);
  });

  it('the console is served the same way, its stylesheet under a hashed name too', async () => {
    const page = await get(`${t.h.urls.http}/console/`, { 'accept-encoding': 'gzip' });
    const html = gunzipSync(page.body).toString('utf8');
    const css = /href="(app\.[A-Za-z0-9_-]{12}\.css)"/.exec(html)?.[1];
    expect(css).toBeDefined();
    const sheet = await get(`${t.h.urls.http}/console/${css}`, { 'accept-encoding': 'br' });
    expect(sheet.status).toBe(200);
    expect(sheet.headers['content-type']).toContain('text/css');
    expect(sheet.headers['cache-control']).toContain('immutable');
    expect(brotliDecompressSync(sheet.body).length).toBeGreaterThan(0);
  });
});
