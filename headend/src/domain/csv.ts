import { HeadendError } from '../errors';

/** Splits CSV text into rows of fields (RFC 4180: quoted fields, "" escapes, CRLF or LF). */
function splitRows(src: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < src.length; i++) {
    const c = src[i];
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"' && field === '') {
      quoted = true;
    } else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else {
      field += c;
    }
  }
  if (quoted) throw new HeadendError('BAD_CSV', 'unterminated quoted field');
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Parses CSV whose first row is the header into objects keyed by column name. */
export function parseCsv(text: string): Array<Record<string, string>> {
  const rows = splitRows(text.replace(/^\uFEFF/, '')).filter((r) => r.some((f) => f.trim() !== ''));
  const header = rows.shift()?.map((h) => h.trim());
  if (header === undefined) return [];
  return rows.map((r, n) => {
    if (r.length !== header.length) {
      throw new HeadendError('BAD_CSV', `line ${n + 2}: ${r.length} fields, header has ${header.length}`, {
        line: n + 2,
      });
    }
    return Object.fromEntries(header.map((h, k) => [h, (r[k] ?? '').trim()]));
  });
}

/**
 * CSV text for a spreadsheet: a UTF-8 byte-order mark first (Excel reads Chinese as UTF-8
 * only with it), RFC 4180 quoting, and a cell that would start a formula (= + - @) prefixed
 * with ' so that opening an export never runs what a subscriber or operator typed.
 */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly unknown[]>): string {
  const cell = (v: unknown): string => {
    let s = Array.isArray(v) ? v.join('; ') : v === null || v === undefined ? '' : String(v);
    if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[header, ...rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
