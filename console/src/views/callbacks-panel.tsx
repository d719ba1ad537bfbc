import { useEffect, useState } from 'preact/hooks';
import { useConsole } from '../console-context';
import type { Callback, Callbacks, Tickets } from '@stb-notify/headend/api-types';
import { formatTime } from '../format';

/** T4: repairs whose survey went unanswered are called back by phone; the outcome is recorded here. */
export function CallbacksPanel(props: { version: number; onChanged: () => void }) {
  const { api, t, fail } = useConsole();
  const [items, setItems] = useState<readonly Callback[]>([]);
  const [gaps, setGaps] = useState(0);
  const [form, setForm] = useState<
    Record<string, { reached: boolean; rating: string; resolved: boolean; note: string }>
  >({});
  useEffect(() => {
    Promise.all([api.get<Callbacks>('/api/v1/callbacks?status=open'), api.get<Tickets>('/api/v1/follow-up-gaps')])
      .then(([c, g]) => {
        setItems(c.items);
        setGaps(g.items.length);
      })
      .catch(fail);
  }, [api, fail, props.version]);
  return (
    <section class="callbacks" data-testid="callbacks">
      <h2>{t('callbacks')}</h2>
      <p class={gaps > 0 ? 'rule refused' : 'hint'} data-testid="gaps">
        {t('followUpGaps', { n: gaps })}
      </p>
      {items.length === 0 && <p>{t('none')}</p>}
      {items.map((c) => {
        const v = form[c.id] ?? { reached: true, rating: '5', resolved: true, note: '' };
        const set = (patch: Partial<typeof v>) => setForm({ ...form, [c.id]: { ...v, ...patch } });
        return (
          <form
            key={c.id}
            class="inline"
            data-callback={c.id}
            onSubmit={(e) => {
              e.preventDefault();
              api
                .post(`/api/v1/callbacks/${encodeURIComponent(c.id)}/complete`, {
                  reached: v.reached,
                  ...(v.reached ? { rating: Number(v.rating), resolved: v.resolved } : {}),
                  ...(v.note ? { note: v.note } : {}),
                })
                .then(props.onChanged)
                .catch(fail);
            }}
          >
            <a href={`#/tickets/${c.ticketId}`}>{c.ticketId}</a>
            <span>
              {t('callbackDue')} {formatTime(c.dueAtMs)}
            </span>
            <label>
              <input type="checkbox" checked={v.reached} onChange={() => set({ reached: !v.reached })} />
              {t('reached')}
            </label>
            <label>
              {t('rating')}
              <select value={v.rating} onChange={(e) => set({ rating: e.currentTarget.value })}>
                {['5', '4', '3', '2', '1'].map((r) => (
                  <option value={r}>{r}</option>
                ))}
              </select>
            </label>
            <label>
              <input type="checkbox" checked={v.resolved} onChange={() => set({ resolved: !v.resolved })} />
              {t('customerResolved')}
            </label>
            <label>
              {t('note')}
              <input value={v.note} onInput={(e) => set({ note: e.currentTarget.value })} />
            </label>
            <button type="submit">{t('completeCallback')}</button>
          </form>
        );
      })}
    </section>
  );
}
