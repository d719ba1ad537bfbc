import type { PresenceHistory } from '@stb-notify/headend/api-types';
import { formatTime } from '../format';
import { useConsole } from '../console-context';
import { useSettledGet } from './use-settled-get';

/**
 * A box's online history (issue 18): when it connected, went away and said hello, newest
 * first — "was my box even on when the notice went out?" answered from its page.
 */
export function OnlineHistoryPanel(props: { id: string }) {
  const { t } = useConsole();
  const h = useSettledGet<PresenceHistory>(`/api/v1/boxes/${encodeURIComponent(props.id)}/presence?limit=50`, 0);
  if (h === undefined) return <p>{t('loading')}</p>;
  if (h.items.length === 0) return <p>{t('acctNone')}</p>;
  return (
    <table class="grid" data-testid="box-presence">
      <thead>
        <tr>
          <th>{t('presenceAt')}</th>
          <th>{t('presenceEvent')}</th>
        </tr>
      </thead>
      <tbody>
        {h.items.map((e) => (
          <tr key={`${e.atMs}-${e.event}`} data-event={e.event}>
            <td>{formatTime(e.atMs)}</td>
            <td>{t(`presence_${e.event}`)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
