import { useState } from 'preact/hooks';
import type { Draft, DraftContent } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';

/**
 * The draft the compose form is writing (issue 18): saved new the first time, then over the
 * version it was opened at — a save refused because another operator saved meanwhile (409)
 * is shown, never forced.
 */
export function useNoticeDraft(): {
  draft: Draft | undefined;
  open: (d: Draft) => void;
  save: (content: DraftContent) => Promise<void>;
  /** After a send: the headend deleted the draft in the send's own commit (draftId). */
  done: () => void;
} {
  const { api } = useConsole();
  const [draft, setDraft] = useState<Draft | undefined>();
  return {
    draft,
    open: setDraft,
    save: async (content) => {
      const saved =
        draft === undefined
          ? await api.post<Draft>('/api/v1/notice-drafts', { content })
          : await api.request<Draft>('PUT', `/api/v1/notice-drafts/${encodeURIComponent(draft.id)}`, {
              content,
              updatedAtMs: draft.updatedAtMs,
            });
      setDraft(saved);
    },
    done: () => setDraft(undefined),
  };
}
