import type { Reach } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';

/**
 * The review before a send (issue 18): how many boxes the notice reaches, per zone and online
 * now, then confirm or go back. Nothing is sent until the operator confirms.
 */
export function SendReview(props: { reach: Reach; busy: boolean; onConfirm: () => void; onBack: () => void }) {
  const { t } = useConsole();
  const r = props.reach;
  return (
    <div class="send-review" data-testid="send-review" data-boxes={r.boxes} data-online={r.online}>
      <p>
        <strong>{r.boxes === 0 ? t('reviewNoBoxes') : t('reviewReach', { boxes: r.boxes, online: r.online })}</strong>
      </p>
      {r.zones.length > 0 && (
        <table class="grid">
          <thead>
            <tr>
              <th>{t('zone')}</th>
              <th>{t('reviewBoxes')}</th>
              <th>{t('reviewOnline')}</th>
            </tr>
          </thead>
          <tbody>
            {r.zones.map((z) => (
              <tr data-zone={z.zoneId}>
                <td>{z.name}</td>
                <td>{z.boxes}</td>
                <td>{z.online}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button
          type="button"
          class="primary"
          name="confirm"
          disabled={props.busy || r.boxes === 0}
          onClick={props.onConfirm}
        >
          {props.busy ? t('sending') : t('reviewConfirm')}
        </button>{' '}
        <button type="button" name="back" disabled={props.busy} onClick={props.onBack}>
          {t('reviewBack')}
        </button>
      </p>
    </div>
  );
}
