import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context';

/**
 * GETs `path` once it has stopped changing for a moment (typed filters: one request per pause
 * in typing, not per key); an answer to an earlier path never replaces a later one.
 */
export function useSettledGet<T>(path: string, settleMs = 250): T | undefined {
  const { api, fail } = useConsole();
  const [value, setValue] = useState<T | undefined>();
  useEffect(() => {
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<T>(path)
        .then((r) => live && setValue(r))
        .catch(fail);
    }, settleMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, fail, path, settleMs]);
  return value;
}
