import { HeadendError } from '../errors';

/** RFC 4180 CSV (quoted fields, "" escapes, CRLF or LF). First row is the header. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const src = text.replace(/^\uFEFF/, '');
  while (i < src.length) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') ((field += '"'), (i += 2));
      else if (c === '"') ((quoted = false), i++);
      else ((field += c), i++);
      continue;
    }
    if (c === '"' && field === '') ((quoted = true), i++);
    else if (c === ',') (row.push(field), (field = ''), i++);
    else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i += c === '\r' && src[i + 1] === '\n' ? 2 : 1;
    } else ((field += c), i++);
  }
  if (quoted) throw new HeadendError('BAD_CSV', 'unterminated quoted field');
  if (field !== '' || row.length > 0) (row.push(field), rows.push(row));
  const nonEmpty = rows.filter((r) => r.some((f) => f.trim() !== ''));
  const header = nonEmpty.shift()?.map((h) => h.trim());
  if (header === undefined) return [];
  return nonEmpty.map((r, n) => {
    if (r.length !== header.length) {
      throw new HeadendError('BAD_CSV', `line ${n + 2}: ${r.length} fields, header has ${header.length}`, {
        line: n + 2,
      });
    }
    return Object.fromEntries(header.map((h, k) => [h, (r[k] ?? '').trim()]));
  });
}
