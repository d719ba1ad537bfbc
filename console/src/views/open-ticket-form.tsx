import { useState } from 'preact/hooks';
import { useConsole } from '../console-context';

const KINDS = ['complaint', 'repair', 'installation', 'service-restore', 'install-no-survey', 'line-survey'] as const;

/** A ticket opened by hand from a phone call or a visit (T7 kinds); the headend routes it to the zone's maintainer. */
export function OpenTicketForm(props: { onOpened: (id: string) => void }) {
  const { api, t, fail } = useConsole();
  const [f, setF] = useState({ kind: 'complaint', summary: '', boxId: '', accountId: '', zoneId: '' });
  const set = (k: keyof typeof f, v: string) => setF({ ...f, [k]: v });
  return (
    <form
      class="inline open-ticket"
      data-testid="open-ticket"
      onSubmit={(e) => {
        e.preventDefault();
        const body = {
          kind: f.kind,
          summary: f.summary.trim(),
          ...(f.boxId.trim() ? { boxId: f.boxId.trim() } : {}),
          ...(f.accountId.trim() ? { accountId: f.accountId.trim() } : {}),
          ...(f.zoneId.trim() ? { zoneId: f.zoneId.trim() } : {}),
        };
        api
          .post<{ id: string }>('/api/v1/tickets', body)
          .then((tk) => {
            setF({ ...f, summary: '' });
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
