import { useEffect, useState } from 'preact/hooks';
import type { StaffMember, StaffMembers, Zone, Zones } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import { translateValue } from '../i18n';

/**
 * Z3: whom a ticket can be handed to — the staff still here (by staff number) and the zones'
 * maintainers — picked from a list, never typed (a typo would leave nobody responsible).
 */
export function OwnerPicker(props: { value: string; current: string; onChange: (to: string) => void }) {
  const { api, t, fail, lang } = useConsole();
  const [choices, setChoices] = useState<{ staff: readonly StaffMember[]; zones: readonly Zone[] } | undefined>();
  useEffect(() => {
    Promise.all([api.get<StaffMembers>('/api/v1/staff'), api.get<Zones>('/api/v1/zones')])
      .then(([s, z]) => setChoices({ staff: s.items.filter((m) => m.leftAtMs === 0), zones: z.items }))
      .catch(fail);
  }, [api, fail]);
  const maintainers = [...new Set(choices?.zones.map((z) => z.maintainer).filter((m) => m !== '') ?? [])];
  return (
    <label>
      {t('newOwner')}
      <select name="to" required value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{choices === undefined ? t('loading') : '—'}</option>
        {choices?.staff
          .filter((m) => `${m.name} (${m.staffNo})` !== props.current)
          .map((m) => (
            <option value={m.staffNo}>
              {m.name} ({m.staffNo}) · {translateValue(lang, 'role', m.role)}
            </option>
          ))}
        {maintainers
          .filter((m) => m !== props.current)
          .map((m) => (
            <option value={m}>
              {m} · {t('zoneMaintainer')}
            </option>
          ))}
      </select>
    </label>
  );
}
