/** An error answered by the headend API ({ code, message, details }) or by the network. */
export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Json = Record<string, unknown>;

async function errorOf(res: Response): Promise<ApiError> {
  const text = await res.text();
  try {
    const b = JSON.parse(text) as { code?: string; message?: string; details?: Json };
    return new ApiError(b.code ?? `HTTP_${res.status}`, b.message ?? res.statusText, res.status, b.details ?? {});
  } catch {
    return new ApiError(`HTTP_${res.status}`, text.slice(0, 200) || res.statusText, res.status);
  }
}

/** The operator API over fetch, with the signed-in operator's bearer token. Every failure is an ApiError. */
export class ApiClient {
  constructor(
    private readonly token: string,
    private readonly base = '',
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.token}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    } catch (err) {
      throw new ApiError('NETWORK', `the headend cannot be reached (${(err as Error).message})`, 0);
    }
    if (!res.ok) throw await errorOf(res);
    const type = res.headers.get('content-type') ?? '';
    return (type.includes('json') ? await res.json() : await res.text()) as T;
  }

  get<T>(path: string): Promise<T> {
    return this.request<T>('GET', path);
  }

  post<T>(path: string, body: unknown = {}): Promise<T> {
    return this.request<T>('POST', path, body);
  }

  /**
   * Saves a file the headend answers (a CSV export) under `filename`, byte for byte: read as
   * text, the UTF-8 byte-order mark a spreadsheet needs to read Chinese would be dropped.
   */
  async download(path: string, filename: string): Promise<void> {
    let res: Response;
    try {
      res = await fetch(`${this.base}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    } catch (err) {
      throw new ApiError('NETWORK', `the headend cannot be reached (${(err as Error).message})`, 0);
    }
    if (!res.ok) throw await errorOf(res);
    const a = document.createElement('a');
    a.href = URL.createObjectURL(await res.blob());
    a.download = filename;
    a.click();
    URL.revokeObjectURL(a.href);
  }

  /**
   * Reads a server-sent-event stream with fetch (EventSource cannot send the Authorization
   * header). Calls onEvent per event until the stream ends or the signal aborts.
   */
  async stream(path: string, onEvent: (event: string, data: string) => void, signal: AbortSignal): Promise<void> {
    const res = await fetch(`${this.base}${path}`, {
      headers: { authorization: `Bearer ${this.token}`, accept: 'text/event-stream' },
      signal,
    });
    if (!res.ok || res.body === null) throw await errorOf(res);
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buf = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buf += value;
      let end: number;
      while ((end = buf.indexOf('\n\n')) >= 0) {
        const block = buf.slice(0, end);
        buf = buf.slice(end + 2);
        let event = 'message';
        const data: string[] = [];
        for (const line of block.split('\n')) {
          if (line.startsWith('event: ')) event = line.slice(7);
          else if (line.startsWith('data: ')) data.push(line.slice(6));
        }
        if (data.length > 0) onEvent(event, data.join('\n'));
      }
    }
  }
}
