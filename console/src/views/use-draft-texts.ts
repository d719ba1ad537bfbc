import { useConsole } from '../console-context';
import type { DraftTexts, NoticeText } from '@stb-notify/headend/api-types';
import { useSettled } from './use-settled-get';

/**
 * Issue 18: the texts a rule will write for this draft (POST /api/v1/notices/draft-texts, the
 * rules' own text builders), asked again as the fields settle. Undefined while `request` is
 * (fields incomplete) or the headend refuses it (the form shows why on send).
 */
export function useDraftTexts(request: Record<string, unknown> | undefined): readonly NoticeText[] | undefined {
  const { api } = useConsole();
  const key = request === undefined ? undefined : JSON.stringify(request);
  const r = useSettled(
    key,
    () => api.post<DraftTexts>('/api/v1/notices/draft-texts', request),
    () => undefined,
  );
  return key === undefined ? undefined : r?.texts;
}
