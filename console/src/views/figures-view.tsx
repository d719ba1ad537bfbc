import { useEffect, useState } from 'preact/hooks';
import type { Z2Targets as Targets, ZoneFigures, ZoneMonthFigures } from '@stb-notify/headend/api-types';
import { useConsole } from '../console-context';
import type { TextKey } from '../i18n';

interface Metric {
  readonly key: 'complaintRatePct' | 'replyRate24hPct' | 'satisfactionPct' | 'slaCompliancePct';
  readonly label: TextKey;
  /** The Z2 target and whether it is a ceiling (complaints) or a floor. */
  readonly target: (t: Targets) => number | undefined;
  readonly ceiling: boolean;
}
const METRICS: readonly Metric[] = [
  { key: 'complaintRatePct', label: 'complaintRate', target: (t) => t.maxComplaintRatePct, ceiling: true },
  { key: 'replyRate24hPct', label: 'replyRate', target: (t) => t.minReplyRate24hPct, ceiling: false },
  { key: 'satisfactionPct', label: 'satisfaction', target: (t) => t.minSatisfactionPct, ceiling: false },
  { key: 'slaCompliancePct', label: 'slaCompliance', target: () => undefined, ceiling: false },
];

function misses(m: Metric, v: number | null, targets: Targets): boolean {
  const target = m.target(targets);
  if (target === undefined || v === null) return false;
  return m.ceiling ? v >= target : v < target;
}

const pct = (v: number | null, noData = '—'): string => (v === null ? noData : `${Number(v.toFixed(4))} %`);

/** Z2: per zone and month, actuals against targets, as bar charts and a table, exportable to CSV. */
export function FiguresView() {
  const { api, t, fail } = useConsole();
  const d = new Date();
  const [month, setMonth] = useState(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  const [data, setData] = useState<ZoneFigures | undefined>();
  useEffect(() => {
    if (!/^\d{4}-\d{2}$/.test(month)) return;
    api.get<ZoneFigures>(`/api/v1/figures/zones?month=${month}`).then(setData).catch(fail);
  }, [api, fail, month]);

  const exportCsv = () =>
    api.download(`/api/v1/figures/zones?month=${month}&format=csv`, `zone-figures-${month}.csv`).catch(fail);

  return (
    <section class="figures">
      <h2>{t('figures')}</h2>
      <form class="inline" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('month')}
          <input type="month" name="month" value={month} onInput={(e) => setMonth(e.currentTarget.value)} />
        </label>
        <button type="button" onClick={() => void exportCsv()} data-testid="export-csv">
          {t('exportCsv')}
        </button>
      </form>
      {data === undefined ? (
        <p>{t('loading')}</p>
      ) : (
        <>
          <div class="charts">
            {METRICS.map((m) => (
              <Chart metric={m} rows={data.items} targets={data.targets} />
            ))}
          </div>
          <table class="grid" data-testid="figures">
            <thead>
              <tr>
                <th>{t('zone')}</th>
                <th>{t('owner')}</th>
                <th>{t('households')}</th>
                <th>{t('tickets')}</th>
                {METRICS.map((m) => (
                  <th>
                    {t(m.label)}
                    {m.target(data.targets) !== undefined && (
                      <span class="hint">
                        {' '}
                        {t('target_label')} {m.ceiling ? '<' : '≥'} {pct(m.target(data.targets) ?? 0)}
                      </span>
                    )}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.items.map((z) => (
                <tr key={z.zoneId} data-zone={z.zoneId}>
                  <th>
                    {z.zoneName} <code>{z.zoneId}</code>
                  </th>
                  <td>{z.maintainer}</td>
                  <td>{z.households}</td>
                  <td>{z.ticketsOpened}</td>
                  {METRICS.map((m) => (
                    <td class={misses(m, z[m.key], data.targets) ? 'miss' : ''} data-metric={m.key}>
                      {pct(z[m.key], t('noData'))}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}

/** One metric for every zone as horizontal bars, with the target as a line; misses in red. */
function Chart(props: { metric: Metric; rows: readonly ZoneMonthFigures[]; targets: Targets }) {
  const { t } = useConsole();
  const { metric, rows, targets } = props;
  const target = metric.target(targets);
  const max = Math.max(target ?? 0, ...rows.map((r) => r[metric.key] ?? 0), metric.ceiling ? 0 : 100) || 1;
  const rowH = 22;
  const w = 320;
  const label = 90;
  const h = rows.length * rowH + 24;
  return (
    <figure class="chart">
      <figcaption>{t(metric.label)}</figcaption>
      <svg viewBox={`0 0 ${w} ${h}`} width={w} height={h} role="img" aria-label={t(metric.label)}>
        {rows.map((r, i) => {
          const v = r[metric.key];
          const bw = ((w - label - 50) * (v ?? 0)) / max;
          return (
            <g key={r.zoneId} transform={`translate(0 ${i * rowH + 4})`}>
              <text x={label - 6} y={14} text-anchor="end" class="chart-label">
                {r.zoneName}
              </text>
              <rect
                x={label}
                y={2}
                width={Math.max(1, bw)}
                height={16}
                class={misses(metric, v, targets) ? 'miss' : 'ok'}
              />
              <text x={label + bw + 4} y={14} class="chart-value">
                {pct(v, t('noData'))}
              </text>
            </g>
          );
        })}
        {target !== undefined && (
          <line
            x1={label + ((w - label - 50) * target) / max}
            x2={label + ((w - label - 50) * target) / max}
            y1={0}
            y2={h - 20}
            class="target-line"
          />
        )}
      </svg>
    </figure>
  );
}
