import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { REVENUE } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { ErrorMessage, Field, Page } from '../components/ui';
import { addDays, formatKes, isoDate, paidPurchases, utcDay } from '../lib/format';
import { fillDays, niceCeiling, rangeProblem, totals, type DailyRevenue } from '../lib/revenue';

export function Revenue() {
  const { organizationId } = useWorkspace();
  const today = utcDay(new Date());
  const [fromText, setFrom] = useState(isoDate(addDays(today, -29)));
  const [toText, setTo] = useState(isoDate(today));
  const from = new Date(`${fromText}T00:00:00Z`);
  const to = addDays(new Date(`${toText}T00:00:00Z`), 1); // the last day is included
  const problem = rangeProblem(from, to);
  const { data, error } = useQuery(REVENUE, {
    variables: { organizationId, from: from.toISOString(), to: to.toISOString(), todayFrom: today.toISOString(), todayTo: addDays(today, 1).toISOString() },
    skip: problem !== null,
  });
  const days = problem ? [] : fillDays(data?.organization?.revenueByDay ?? [], from, to);
  const sum = totals(days);
  const todays = totals(data?.organization?.today ?? []);
  return (
    <Page title="Revenue">
      <div className="stats">
        <div className="stat"><span>Today (UTC)</span><strong>{formatKes(todays.amountKes)}</strong><small>{paidPurchases(todays.purchaseCount)}</small></div>
        <div className="stat"><span>Chosen range</span><strong>{formatKes(sum.amountKes)}</strong><small>{paidPurchases(sum.purchaseCount)}</small></div>
      </div>
      <div className="filters panel">
        <Field label="From (UTC day)">{(id) => <input id={id} type="date" value={fromText} onChange={(e) => setFrom(e.target.value)} />}</Field>
        <Field label="To (UTC day)">{(id) => <input id={id} type="date" value={toText} onChange={(e) => setTo(e.target.value)} />}</Field>
      </div>
      {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
      <ErrorMessage error={error} />
      {days.length > 0 ? <RevenueChart days={days} /> : null}
    </Page>
  );
}

/** Bars per day, drawn as SVG (no chart library, nothing inline that the CSP refuses). */
export function RevenueChart({ days }: { days: DailyRevenue[] }) {
  const max = niceCeiling(Math.max(...days.map((d) => d.amountKes)));
  const width = 720;
  const height = 240;
  const left = 56;
  const bottom = 24;
  const barWidth = (width - left) / days.length;
  return (
    <figure className="panel chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Revenue per day" data-testid="revenue-chart">
        {[0, 0.5, 1].map((f) => (
          <g key={f}>
            <line x1={left} x2={width} y1={(height - bottom) * (1 - f)} y2={(height - bottom) * (1 - f)} className="grid" />
            <text x={left - 6} y={(height - bottom) * (1 - f) + 4} textAnchor="end" className="axis">{Math.round(max * f).toLocaleString('en-KE')}</text>
          </g>
        ))}
        {days.map((d, i) => {
          const h = (d.amountKes / max) * (height - bottom);
          return (
            <g key={d.day}>
              <rect x={left + i * barWidth + 1} y={height - bottom - h} width={Math.max(1, barWidth - 2)} height={h} className="bar">
                <title>{`${d.day.slice(0, 10)}: ${formatKes(d.amountKes)}, ${d.purchaseCount} purchases`}</title>
              </rect>
              {days.length <= 31 && i % Math.ceil(days.length / 8) === 0
                ? <text x={left + i * barWidth + barWidth / 2} y={height - 6} textAnchor="middle" className="axis">{d.day.slice(5, 10)}</text>
                : null}
            </g>
          );
        })}
      </svg>
      <figcaption>Paid purchases per UTC day, KES.</figcaption>
    </figure>
  );
}
