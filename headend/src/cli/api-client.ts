import type { ErrorBody } from '../http/responses/api-types';

/**
 * A tiny client for the headend API, used by the CLI commands that act on a running headend.
 * `T` is the route's answer as its response schema declares it (http/responses/api-types.ts).
 */
export async function callApi<T>(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  let res: Response;
  try {
    res = await fetch(new URL(path, base), {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch (err) {
    throw new Error(`cannot reach the headend at ${base}: ${(err as Error).message}`);
  }
  const text = await res.text();
  const parsed: unknown = text === '' ? {} : JSON.parse(text);
  if (!res.ok) {
    const e = parsed as Partial<ErrorBody>;
    const details = e.details === undefined ? '' : `\n${JSON.stringify(e.details, null, 2)}`;
    throw new Error(`${res.status} ${String(e.code)}: ${String(e.message)}${details}`);
  }
  return parsed as T;
}
