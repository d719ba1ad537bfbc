// The last step of the box app's and the console's builds (issue 17: fast start on a box).
// Every asset except index.html gets its content hash in its name (app.3f9c….js), and the
// files that name it (index.html, app.js, boot.js) are rewritten to match, so the headend can
// let browsers keep them for a year; index.html stays a fixed name, revalidated by ETag.
// Each file is also written compressed (.br at the highest quality, .gz), so the headend
// serves compressed bytes without compressing per request, and manifest.json lists it all.
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const digest = (bytes) => createHash('sha256').update(bytes).digest('base64url');

/**
 * @param {string} dir the build directory
 * @param {string[]} assets the files to hash, each after the files it names (a file named
 *   inside another is hashed first, so the name written into the other is final)
 * @param {string[]} referrers files that name assets and keep their own name (index.html)
 */
export function finishAppBuild(dir, assets, referrers = ['index.html']) {
  const names = new Map();
  const rename = (text) => {
    for (const [from, to] of names) text = text.split(`"${from}"`).join(`"${to}"`);
    return text;
  };
  for (const file of assets) {
    const text = rename(readFileSync(join(dir, file), 'utf8'));
    const dot = file.lastIndexOf('.');
    const hashed = `${file.slice(0, dot)}.${digest(text).slice(0, 12)}${file.slice(dot)}`;
    writeFileSync(join(dir, hashed), text);
    if (hashed !== file) rmSync(join(dir, file));
    names.set(file, hashed);
  }
  for (const file of referrers) writeFileSync(join(dir, file), rename(readFileSync(join(dir, file), 'utf8')));
  const files = [...referrers, ...names.values()].map((name) => {
    const bytes = readFileSync(join(dir, name));
    writeFileSync(join(dir, `${name}.gz`), gzipSync(bytes, { level: 9 }));
    writeFileSync(
      join(dir, `${name}.br`),
      brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length },
      }),
    );
    return { name, etag: digest(bytes).slice(0, 27), immutable: !referrers.includes(name), bytes: bytes.length };
  });
  const manifestTmp = join(dir, 'manifest.json.tmp');
  writeFileSync(manifestTmp, `${JSON.stringify({ files }, null, 2)}\n`);
  renameSync(manifestTmp, join(dir, 'manifest.json'));
  return Object.fromEntries(names);
}

/** Sizes for the build log: raw, gzip and brotli KiB of one built file. */
export function sizes(dir, name) {
  const kib = (f) => (readFileSync(join(dir, f)).length / 1024).toFixed(0);
  return `${name} ${kib(name)} KiB, ${kib(`${name}.gz`)} KiB gzip, ${kib(`${name}.br`)} KiB brotli`;
}
