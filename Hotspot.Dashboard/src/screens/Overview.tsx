import { useQuery } from '@apollo/client/react';
import { REVENUE } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { useLivePayments } from '../api/liveFeed';
import { addDays, formatKes, formatTime, paidPurchases, utcDay } from '../lib/format';
import { totals } from '../lib/revenue';
import { Badge, ErrorMessage, Link, Page } from '../components/ui';

export function Overview() {
  const { organizationId } = useWorkspace();
  const today = utcDay(new Date());
  const { data, error } = useQuery(REVENUE, {
    variables: {
      organizationId, from: addDays(today, -6).toISOString(), to: addDays(today, 1).toISOString(),
      todayFrom: today.toISOString(), todayTo: addDays(today, 1).toISOString(),
    },
  });
  const todays = totals(data?.organization?.today ?? []);
  const week = totals(data?.organization?.revenueByDay ?? []);
  return (
    <Page title="Overview">
      <ErrorMessage error={error} />
      <div className="stats">
        <div className="stat"><span>Today (UTC)</span><strong data-testid="today-amount">{formatKes(todays.amountKes)}</strong><small>{paidPurchases(todays.purchaseCount)}</small></div>
        <div className="stat"><span>Last 7 days</span><strong>{formatKes(week.amountKes)}</strong><small>{paidPurchases(week.purchaseCount)}</small></div>
      </div>
      <LiveFeed organizationId={organizationId!} />
    </Page>
  );
}

function LiveFeed({ organizationId }: { organizationId: string }) {
  const { purchases, error } = useLivePayments(organizationId);
  return (
    <section className="panel">
      <h2>Live payments <small className="hint">(updates every few seconds)</small></h2>
      <ErrorMessage error={error} />
      {purchases.length === 0 ? <p>No purchases yet.</p> : (
        <ul className="feed" data-testid="live-feed">
          {purchases.map((p) => (
            <li key={p.id}>
              <Badge value={p.status} /> <strong>{formatKes(p.amountKes)}</strong> {p.plan.name} · {p.phoneNumber}
              {p.voucher ? <> · voucher <code>{p.voucher.code}</code></> : null}
              <small> {formatTime(p.paidAt ?? p.createdAt)}</small>
            </li>
          ))}
        </ul>
      )}
      <p><Link to="/purchases">All purchases</Link></p>
    </section>
  );
}
