import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context';

/**
 * Runs `load` once `key` has stopped changing for a moment (typed filters: one request per
 * pause in typing, not per key); an answer for an earlier key never replaces a later one.
 * No key, no request and no value. A failure goes to `onError`.
 */
export function useSettled<T>(
  key: string | undefined,
  load: () => Promise<T>,
  onError: (err: unknown) => void,
  settleMs = 250,
): T | undefined {
  const [value, setValue] = useState<T | undefined>();
  useEffect(() => {
    if (key === undefined) {
      setValue(undefined);
      return undefined;
    }
    let live = true;
    const timer = setTimeout(() => {
      load()
        .then((r) => live && setValue(r))
        .catch((err: unknown) => live && onError(err));
    }, settleMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [key, settleMs]);
  return value;
}

/** GETs `path` once it has stopped changing for a moment (see useSettled). */
export function useSettledGet<T>(path: string, settleMs = 250): T | undefined {
  const { api, fail } = useConsole();
  return useSettled(path, () => api.get<T>(path), fail, settleMs);
}
