import { useState } from 'preact/hooks';
import type { Ticket } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { fromLocalInput } from '../format';

const KINDS = [
  'complaint',
  'repair',
  'installation',
  'relocation',
  'service-restore',
  'install-no-survey',
  'line-survey',
] as const;

/**
 * A ticket opened from a phone call or a visit (T7 kinds); the headend routes it to the zone's
 * maintainer, a complaint to the zone's supervisor. T5: when the call came in; T9: a
 * complaint's caller's words verbatim, and whether it is a major complaint or a key customer.
 */
export function OpenTicketForm(props: { onOpened: (id: string) => void }) {
  const { api, t, fail } = useConsole();
  const [f, setF] = useState({
    kind: 'complaint',
    summary: '',
    callerWords: '',
    callAt: '',
    boxId: '',
    accountId: '',
    zoneId: '',
  });
  const [flags, setFlags] = useState({ major: false, keyCustomer: false });
  const set = (k: keyof typeof f, v: string) => setF({ ...f, [k]: v });
  const callAt = fromLocalInput(f.callAt);
  return (
    <form
      class="inline open-ticket"
      data-testid="open-ticket"
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          kind: f.kind,
          summary: f.summary.trim(),
          ...(f.callerWords.trim() ? { callerWords: f.callerWords } : {}),
          ...(Number.isFinite(callAt) ? { callReceivedAtMs: callAt } : {}),
          ...(flags.major ? { major: true } : {}),
          ...(flags.keyCustomer ? { keyCustomer: true } : {}),
          ...(f.boxId.trim() ? { boxId: f.boxId.trim() } : {}),
          ...(f.accountId.trim() ? { accountId: f.accountId.trim() } : {}),
          ...(f.zoneId.trim() ? { zoneId: f.zoneId.trim() } : {}),
        };
        api
          .post<Ticket>('/api/v1/tickets', body)
          .then((tk) => {
            setF({ ...f, summary: '', callerWords: '' });
            props.onOpened(tk.id);
          })
          .catch(fail);
      }}
    >
      <strong>{t('openTicket')}</strong>
      <label>
        {t('kind')}
        <select name="newKind" value={f.kind} onChange={(e) => set('kind', e.currentTarget.value)}>
          {KINDS.map((k) => (
            <option value={k}>{k}</option>
          ))}
        </select>
      </label>
      <label>
        {t('body')}
        <input name="newSummary" required value={f.summary} onInput={(e) => set('summary', e.currentTarget.value)} />
      </label>
      {f.kind === 'complaint' && (
        <>
          <label>
            {t('callerWords')}
            <textarea
              name="callerWords"
              required
              maxLength={4000}
              value={f.callerWords}
              onInput={(e) => set('callerWords', e.currentTarget.value)}
            />
          </label>
          <label>
            <input
              type="checkbox"
              name="major"
              checked={flags.major}
              onChange={() => setFlags({ ...flags, major: !flags.major })}
            />
            {t('majorComplaint')}
          </label>
        </>
      )}
      <label>
        <input
          type="checkbox"
          name="keyCustomer"
          checked={flags.keyCustomer}
          onChange={() => setFlags({ ...flags, keyCustomer: !flags.keyCustomer })}
        />
        {t('keyCustomer')}
      </label>
      <label>
        {t('callReceivedAt')}
        <input
          name="callAt"
          type="datetime-local"
          value={f.callAt}
          onInput={(e) => set('callAt', e.currentTarget.value)}
        />
      </label>
      <label>
        {t('box')}
        <input name="newBox" value={f.boxId} onInput={(e) => set('boxId', e.currentTarget.value)} />
      </label>
      <label>
        {t('account')}
        <input name="newAccount" value={f.accountId} onInput={(e) => set('accountId', e.currentTarget.value)} />
      </label>
      <label>
        {t('zone')}
        <input name="newZone" value={f.zoneId} onInput={(e) => set('zoneId', e.currentTarget.value)} />
      </label>
      <button type="submit">{t('openTicket')}</button>
    </form>
  );
}
