import { useEffect, useState } from 'preact/hooks';
import type { Zone, Zones } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';

/** Zones from the registry, searchable by id, name or maintainer, chosen with checkboxes. */
export function ZonePicker(props: { chosen: readonly string[]; onChange: (ids: string[]) => void }) {
  const { api, t, fail } = useConsole();
  const [zones, setZones] = useState<readonly Zone[] | undefined>();
  const [q, setQ] = useState('');
  useEffect(() => {
    api
      .get<Zones>('/api/v1/zones')
      .then((r) => setZones(r.items))
      .catch(fail);
  }, [api, fail]);
  if (zones === undefined) return <p>{t('loading')}</p>;
  const needle = q.trim().toLowerCase();
  const shown = zones.filter(
    (z) => needle === '' || `${z.id} ${z.name} ${z.maintainer}`.toLowerCase().includes(needle),
  );
  const toggle = (id: string) =>
    props.onChange(props.chosen.includes(id) ? props.chosen.filter((x) => x !== id) : [...props.chosen, id]);
  return (
    <div class="zone-picker">
      <input
        type="search"
        name="zoneSearch"
        placeholder={t('searchZones')}
        aria-label={t('searchZones')}
        value={q}
        onInput={(e) => setQ(e.currentTarget.value)}
      />
      <span class="hint">{t('zonesChosen', { n: props.chosen.length })}</span>
      <ul>
        {shown.map((z) => (
          <li key={z.id}>
            <label>
              <input
                type="checkbox"
                name="zone"
                value={z.id}
                checked={props.chosen.includes(z.id)}
                onChange={() => toggle(z.id)}
              />
              {z.name} <code>{z.id}</code> <span class="hint">{z.maintainer}</span>
            </label>
          </li>
        ))}
      </ul>
    </div>
  );
}
