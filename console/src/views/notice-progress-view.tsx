import { useEffect, useState } from 'preact/hooks';
import type { DeliveryCounts, NoticeProgress as Progress } from '@stb-notify/headend/api-types';
import { ApiError } from '../api-client';
import { useConsole } from '../console-context';
import { formatTime } from '../format';
import type { TextKey } from '../i18n';
import { targetLabel } from './notices-view';

type Counts = DeliveryCounts;

const STATES = ['queued', 'delivered', 'displayed', 'read', 'dismissed', 'expired', 'withdrawn'] as const;
const sum = (c: Counts): number => STATES.reduce((a, s) => a + (c[s] ?? 0), 0);

/** A notice's delivery per state and zone, updated live from the headend's event stream. */
export function NoticeProgressView(props: { id: string }) {
  const { api, t, fail, lang } = useConsole();
  const [p, setP] = useState<Progress | undefined>();
  const [live, setLive] = useState(false);
  const [cancelReason, setCancelReason] = useState('');
  useEffect(() => {
    const ac = new AbortController();
    setLive(true);
    api
      .stream(
        `/api/v1/notices/${encodeURIComponent(props.id)}/progress`,
        (event, data) => {
          if (event === 'progress') setP(JSON.parse(data) as Progress);
          if (event === 'error') fail(new ApiError('INTERNAL', data, 500));
        },
        ac.signal,
      )
      .catch((err: unknown) => {
        if (!ac.signal.aborted) fail(err);
      })
      .finally(() => setLive(false));
    return () => ac.abort();
  }, [api, props.id, fail]);

  if (p === undefined) return <p>{t('loading')}</p>;
  const total = sum(p.total);
  const text = p.notice.texts.find((x) => x.lang === lang) ?? p.notice.texts[0];
  const bar = (c: Counts) => {
    const n = Math.max(1, sum(c));
    return (
      <div class="bar" aria-hidden="true">
        {STATES.map((s) =>
          (c[s] ?? 0) > 0 ? <span class={`seg seg-${s}`} style={{ width: `${((c[s] ?? 0) * 100) / n}%` }} /> : null,
        )}
      </div>
    );
  };
  return (
    <section class="progress">
      <h2>
        {t('progress')}: {text?.title ?? p.notice.id}{' '}
        <span class={live ? 'live on' : 'live'} data-testid="live">
          {live ? t('live') : t('ended')}
        </span>
      </h2>
      <p class="hint">
        {p.notice.kind} · {targetLabel(p.notice.target)} · {t('issuedAt')} {formatTime(p.notice.issuedAtMs)}
        {p.notice.status === 'cancelled' && ` · ${t('cancelled')}`}
      </p>
      {bar(p.total)}
      <table class="grid counts" data-testid="progress">
        <thead>
          <tr>
            <th>{t('zone')}</th>
            {STATES.map((s) => (
              <th>{t(`state_${s}` as TextKey)}</th>
            ))}
            <th />
          </tr>
        </thead>
        <tbody>
          <tr class="total" data-zone="*">
            <th>
              {t('total')} ({total})
            </th>
            {STATES.map((s) => (
              <td data-state={s}>{p.total[s] ?? 0}</td>
            ))}
            <td />
          </tr>
          {Object.entries(p.byZone).map(([zone, c]) => (
            <tr data-zone={zone} key={zone}>
              <th>{zone}</th>
              {STATES.map((s) => (
                <td data-state={s}>{c[s] ?? 0}</td>
              ))}
              <td class="bar-cell">{bar(c)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t('pendingBoxes')}</h3>
      {p.pending.length === 0 ? (
        <p data-testid="pending">{t('noPending')}</p>
      ) : (
        <ul class="pending" data-testid="pending">
          {p.pending.map((b) => (
            <li key={b.boxId}>
              <code>{b.boxId}</code> <span class="hint">{b.zoneId}</span>
            </li>
          ))}
          {(p.total.queued ?? 0) > p.pending.length && <li>… {(p.total.queued ?? 0) - p.pending.length}</li>}
        </ul>
      )}
      {p.notice.status !== 'cancelled' && (
        <form
          class="inline"
          onSubmit={(e) => {
            e.preventDefault();
            api
              .post(`/api/v1/notices/${encodeURIComponent(p.notice.id)}/cancel`, { reason: cancelReason.trim() })
              .catch(fail);
          }}
        >
          <label>
            {t('cancelReason')}
            <input name="cancelReason" value={cancelReason} onInput={(e) => setCancelReason(e.currentTarget.value)} />
          </label>
          <button type="submit" disabled={cancelReason.trim() === ''}>
            {t('cancelNotice')}
          </button>
        </form>
      )}
    </section>
  );
}
