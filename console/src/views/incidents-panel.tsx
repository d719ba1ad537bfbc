import { useEffect, useState } from 'preact/hooks';
import type { Incident, Incidents, TicketListItem, TicketPage } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { formatTime } from '../format';
import { translateValue } from '../i18n';

/** Outage incidents built from correlated fault reports, with their linked tickets; resolving one resolves them all. */
export function IncidentsPanel(props: { version: number; onChanged: () => void }) {
  const { api, t, fail, lang } = useConsole();
  const [items, setItems] = useState<readonly Incident[]>([]);
  const [linked, setLinked] = useState<Record<string, readonly TicketListItem[]>>({});
  const [resolution, setResolution] = useState<Record<string, string>>({});
  useEffect(() => {
    api
      .get<Incidents>('/api/v1/incidents?status=open')
      .then(async (r) => {
        setItems(r.items);
        const entries = await Promise.all(
          r.items.map(async (i) => {
            const tk = await api.get<TicketPage>(`/api/v1/tickets?incidentId=${encodeURIComponent(i.id)}`);
            return [i.id, tk.items] as const;
          }),
        );
        setLinked(Object.fromEntries(entries));
      })
      .catch(fail);
  }, [api, fail, props.version]);
  return (
    <section class="incidents" data-testid="incidents">
      <h2>{t('incidents')}</h2>
      {items.length === 0 && <p>{t('none')}</p>}
      {items.map((i) => (
        <article key={i.id}>
          <h3>
            {i.id} · {i.zoneId} · {formatTime(i.openedAtMs)}
          </h3>
          <p>
            {t('linkedTickets', { n: linked[i.id]?.length ?? 0 })}:{' '}
            {(linked[i.id] ?? []).map((tk) => (
              <a href={`#/tickets/${tk.id}`} class="chip">
                {tk.id} {translateValue(lang, 'ticketStatus', tk.status)}
              </a>
            ))}
          </p>
          <form
            class="inline"
            onSubmit={(e) => {
              e.preventDefault();
              api
                .post(`/api/v1/incidents/${encodeURIComponent(i.id)}/resolve`, { resolution: resolution[i.id] ?? '' })
                .then(props.onChanged)
                .catch(fail);
            }}
          >
            <label>
              {t('resolution')}
              <input
                required
                value={resolution[i.id] ?? ''}
                onInput={(e) => setResolution({ ...resolution, [i.id]: e.currentTarget.value })}
              />
            </label>
            <button type="submit">{t('resolveIncident')}</button>
          </form>
        </article>
      ))}
    </section>
  );
}
