/** A tiny client for the headend API, used by the CLI commands that act on a running headend. */
export async function callApi(
  base: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
): Promise<Record<string, unknown>> {
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
  const parsed = text === '' ? {} : (JSON.parse(text) as Record<string, unknown>);
  if (!res.ok) {
    const details = parsed.details === undefined ? '' : `\n${JSON.stringify(parsed.details, null, 2)}`;
    throw new Error(`${res.status} ${String(parsed.code)}: ${String(parsed.message)}${details}`);
  }
  return parsed;
}
