import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { PURCHASES, REFUND_PURCHASE } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { Badge, ErrorMessage, Field, Loading, MoreButton, Notice, Page } from '../components/ui';
import { formatKes, formatTime } from '../lib/format';
import { purchaseFilter, type PurchaseFilterForm } from '../lib/filters';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function Purchases() {
  const { organizationId, canChange } = useWorkspace();
  const [filter, setFilter] = useState<PurchaseFilterForm>({ status: '', method: '', phone: '', receipt: '', from: '', to: '', minAmount: '' });
  const [sort, setSort] = useState('createdAt:DESC');
  const [field, direction] = sort.split(':');
  const { data, loading, error, fetchMore, refetch } = useQuery(PURCHASES, {
    variables: { organizationId, first: 25, where: purchaseFilter(filter), order: [{ [field]: direction }] },
  });
  const [refund, refunded] = useMutation(REFUND_PURCHASE);
  const connection = data?.organization?.purchases;
  const purchases: any[] = connection?.edges?.map((e: any) => e.node) ?? [];
  const set = (name: keyof PurchaseFilterForm) => (e: { target: { value: string } }) => setFilter({ ...filter, [name]: e.target.value });

  return (
    <Page title="Purchases" actions={<button type="button" data-testid="refresh" onClick={() => void refetch().catch(() => undefined)}>Refresh</button>}>
      <div className="filters panel">
        <Field label="Status">{(id) => (
          <select id={id} name="purchase-status" value={filter.status} onChange={set('status')}>
            <option value="">any</option><option>PENDING</option><option>PAID</option><option>FAILED</option><option>CANCELLED</option><option>EXPIRED</option>
          </select>)}</Field>
        <Field label="Method">{(id) => (
          <select id={id} value={filter.method} onChange={set('method')}>
            <option value="">any</option><option value="MPESA">M-Pesa</option><option value="KOPOKOPO">Kopo Kopo</option>
          </select>)}</Field>
        <Field label="Phone contains">{(id) => <input id={id} inputMode="tel" value={filter.phone} onChange={set('phone')} />}</Field>
        <Field label="Receipt">{(id) => <input id={id} value={filter.receipt} onChange={set('receipt')} />}</Field>
        <Field label="At least (KES)">{(id) => <input id={id} inputMode="numeric" value={filter.minAmount} onChange={set('minAmount')} />}</Field>
        <Field label="From (UTC day)">{(id) => <input id={id} type="date" value={filter.from} onChange={set('from')} />}</Field>
        <Field label="To (UTC day)">{(id) => <input id={id} type="date" value={filter.to} onChange={set('to')} />}</Field>
        <Field label="Order">{(id) => (
          <select id={id} value={sort} onChange={(e) => setSort(e.target.value)}>
            <option value="createdAt:DESC">newest first</option><option value="createdAt:ASC">oldest first</option>
            <option value="paidAt:DESC">paid, newest first</option><option value="amountKes:DESC">largest first</option>
            <option value="status:ASC">status</option><option value="phoneNumber:ASC">phone</option>
          </select>)}</Field>
      </div>
      <ErrorMessage error={error ?? refunded.error} />
      {refunded.data ? <Notice kind={refunded.data.refundPurchase.success ? 'success' : 'warning'}>{refunded.data.refundPurchase.message}</Notice> : null}
      {loading && !data ? <Loading /> : (
        <div className="table-wrap">
          <table data-testid="purchases-table">
            <thead><tr><th>Created</th><th>Plan</th><th>Amount</th><th>Phone</th><th>Method</th><th>Status</th><th>Receipt</th><th>Voucher</th><th /></tr></thead>
            <tbody>
              {purchases.map((p) => (
                <tr key={p.id} data-testid="purchase-row">
                  <td data-label="Created">{formatTime(p.createdAt)}</td>
                  <td data-label="Plan">{p.plan.name}</td>
                  <td data-label="Amount">{formatKes(p.amountKes)}</td>
                  <td data-label="Phone">{p.phoneNumber}</td>
                  <td data-label="Method">{p.paymentMethod === 'MPESA' ? 'M-Pesa' : 'Kopo Kopo'}</td>
                  <td data-label="Status"><Badge value={p.status} />{p.failureReason ? <small className="hint"> {p.failureReason}</small> : null}{p.reviewReason ? <small className="hint"> {p.reviewReason}</small> : null}</td>
                  <td data-label="Receipt">{p.providerReceipt ?? '—'}</td>
                  <td data-label="Voucher">{p.voucher ? <code data-testid="purchase-voucher">{p.voucher.code}</code> : '—'}</td>
                  <td>{canChange && p.status === 'PAID' && p.paymentMethod === 'MPESA' ? (
                    <button type="button" className="danger" onClick={() => {
                      if (window.confirm(`Refund ${formatKes(p.amountKes)} to ${p.phoneNumber} by M-Pesa B2C?`)) void refund({ variables: { purchaseId: p.id, input: { reason: 'Refund from the dashboard' } } }).catch(() => undefined);
                    }}>Refund</button>) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MoreButton pageInfo={connection?.pageInfo} loading={loading} shown={purchases.length} total={connection?.totalCount}
            onMore={(after) => fetchMore({ variables: { after } })} />
        </div>
      )}
    </Page>
  );
}
