import { useEffect, useState } from 'preact/hooks';
import type { RuleVerdict } from '@stb-notify/headend/api-types';
import type { ApiClient } from '../api-client';

/**
 * Asks the headend whether a scheduled time passes the rule (N4 maintenance lead, N2
 * suspension notice) while the operator types; the headend's clock and settings decide.
 */
export function useRuleCheck(
  api: ApiClient,
  path: string | undefined,
  atMs: number,
  fail: (err: unknown) => void,
): RuleVerdict | undefined {
  const [verdict, setVerdict] = useState<RuleVerdict | undefined>();
  useEffect(() => {
    setVerdict(undefined);
    if (path === undefined || !Number.isFinite(atMs) || atMs < 0) return undefined;
    let live = true;
    const timer = setTimeout(() => {
      api
        .get<RuleVerdict>(`${path}?${path.includes('maintenance') ? 'startsAtMs' : 'suspendAtMs'}=${atMs}`)
        .then((v) => live && setVerdict(v))
        .catch(fail);
    }, 250);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [api, path, atMs, fail]);
  return verdict;
}
