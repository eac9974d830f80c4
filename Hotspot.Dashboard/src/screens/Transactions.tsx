import { useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { KOPOKOPO_TRANSACTIONS, MPESA_TRANSACTIONS } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { Badge, ErrorMessage, Field, Loading, MoreButton, Page } from '../components/ui';
import { formatKes, formatTime } from '../lib/format';
import { kopokopoFilter, mpesaFilter, type TransactionFilterForm } from '../lib/filters';

/* eslint-disable @typescript-eslint/no-explicit-any */
const mpesaKinds = ['STK_CALLBACK', 'C2B_VALIDATION', 'C2B_CONFIRMATION', 'B2C_RESULT', 'B2C_TIMEOUT', 'TRANSACTION_STATUS_RESULT'];
const kopokopoTypes = ['KOPOKOPO_BUYGOODS', 'KOPOKOPO_B2B', 'KOPOKOPO_SETTLEMENT', 'KOPOKOPO_CUSTOMER', 'KOPOKOPO_INCOMING_PAYMENT', 'KOPOKOPO_SEND_MONEY', 'KOPOKOPO_M2M'];

/** What each provider delivered (Daraja callbacks, Kopo Kopo webhooks and results), with the API's filters. */
export function Transactions() {
  const [provider, setProvider] = useState<'MPESA' | 'KOPOKOPO'>('MPESA');
  const [filter, setFilter] = useState<TransactionFilterForm>({ status: '', kind: '', phone: '', reference: '', from: '', to: '' });
  const [sort, setSort] = useState('receivedAt:DESC');
  const set = (name: keyof TransactionFilterForm) => (e: { target: { value: string } }) => setFilter({ ...filter, [name]: e.target.value });
  const kinds = provider === 'MPESA' ? mpesaKinds : kopokopoTypes;
  return (
    <Page title="Transactions">
      <div className="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={provider === 'MPESA'} onClick={() => { setProvider('MPESA'); setFilter({ ...filter, kind: '' }); }}>M-Pesa (Daraja)</button>
        <button type="button" role="tab" aria-selected={provider === 'KOPOKOPO'} onClick={() => { setProvider('KOPOKOPO'); setFilter({ ...filter, kind: '' }); }}>Kopo Kopo</button>
      </div>
      <div className="filters panel">
        <Field label="Status">{(id) => (
          <select id={id} value={filter.status} onChange={set('status')}>
            <option value="">any</option><option>RECEIVED</option><option>SETTLED</option><option>PROCESSED</option><option>NEEDS_REVIEW</option>
          </select>)}</Field>
        <Field label={provider === 'MPESA' ? 'Kind' : 'Type'}>{(id) => (
          <select id={id} value={filter.kind} onChange={set('kind')}>
            <option value="">any</option>{kinds.map((k) => <option key={k}>{k}</option>)}
          </select>)}</Field>
        <Field label="Phone contains">{(id) => <input id={id} value={filter.phone} onChange={set('phone')} />}</Field>
        <Field label={provider === 'MPESA' ? 'Receipt' : 'Reference'}>{(id) => <input id={id} value={filter.reference} onChange={set('reference')} />}</Field>
        <Field label="From (UTC day)">{(id) => <input id={id} type="date" value={filter.from} onChange={set('from')} />}</Field>
        <Field label="To (UTC day)">{(id) => <input id={id} type="date" value={filter.to} onChange={set('to')} />}</Field>
        <Field label="Order">{(id) => (
          <select id={id} value={sort} onChange={(e) => setSort(e.target.value)}>
            <option value="receivedAt:DESC">newest first</option><option value="receivedAt:ASC">oldest first</option><option value="amountKes:DESC">largest first</option>
          </select>)}</Field>
      </div>
      {provider === 'MPESA' ? <MpesaTable filter={filter} sort={sort} /> : <KopoKopoTable filter={filter} sort={sort} />}
    </Page>
  );
}

function MpesaTable({ filter, sort }: { filter: TransactionFilterForm; sort: string }) {
  const { organizationId } = useWorkspace();
  const [field, direction] = sort.split(':');
  const { data, loading, error, fetchMore } = useQuery(MPESA_TRANSACTIONS, { variables: { organizationId, first: 25, where: mpesaFilter(filter), order: [{ [field]: direction }] } });
  const connection = data?.organization?.mpesaTransactions;
  const rows: any[] = connection?.edges?.map((e: any) => e.node) ?? [];
  if (loading && !data) return <Loading />;
  return (
    <div className="table-wrap">
      <ErrorMessage error={error} />
      <table>
        <thead><tr><th>Received</th><th>Kind</th><th>Amount</th><th>Phone</th><th>Receipt</th><th>Result</th><th>Status</th><th>Purchase</th></tr></thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id}>
              <td data-label="Received">{formatTime(t.receivedAt)}</td>
              <td data-label="Kind">{t.kind}</td>
              <td data-label="Amount">{formatKes(t.amountKes)}</td>
              <td data-label="Phone">{t.phoneNumber ?? '—'}</td>
              <td data-label="Receipt">{t.receiptNumber ?? '—'}</td>
              <td data-label="Result">{t.resultCode ?? ''} {t.resultDescription ?? ''}</td>
              <td data-label="Status"><Badge value={t.status} />{t.reviewReason ? <small className="hint"> {t.reviewReason}</small> : null}</td>
              <td data-label="Purchase">{t.purchase ? <Badge value={t.purchase.status} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreButton pageInfo={connection?.pageInfo} loading={loading} shown={rows.length} total={connection?.totalCount} onMore={(after) => fetchMore({ variables: { after } })} />
    </div>
  );
}

function KopoKopoTable({ filter, sort }: { filter: TransactionFilterForm; sort: string }) {
  const { organizationId } = useWorkspace();
  const [field, direction] = sort.split(':');
  const { data, loading, error, fetchMore } = useQuery(KOPOKOPO_TRANSACTIONS, { variables: { organizationId, first: 25, where: kopokopoFilter(filter), order: [{ [field]: direction }] } });
  const connection = data?.organization?.kopokopoTransactions;
  const rows: any[] = connection?.edges?.map((e: any) => e.node) ?? [];
  if (loading && !data) return <Loading />;
  return (
    <div className="table-wrap">
      <ErrorMessage error={error} />
      <table>
        <thead><tr><th>Received</th><th>Type</th><th>Amount</th><th>Phone</th><th>Reference</th><th>Provider status</th><th>Status</th><th>Purchase</th></tr></thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id}>
              <td data-label="Received">{formatTime(t.receivedAt)}</td>
              <td data-label="Type">{t.type}</td>
              <td data-label="Amount">{t.currency && t.currency !== 'KES' ? `${t.currency} ${t.amountKes}` : formatKes(t.amountKes)}</td>
              <td data-label="Phone">{t.phoneNumber ?? '—'}</td>
              <td data-label="Reference">{t.reference ?? '—'}</td>
              <td data-label="Provider status">{t.providerStatus ?? '—'}</td>
              <td data-label="Status"><Badge value={t.status} />{t.reviewReason ? <small className="hint"> {t.reviewReason}</small> : null}</td>
              <td data-label="Purchase">{t.purchase ? <Badge value={t.purchase.status} /> : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <MoreButton pageInfo={connection?.pageInfo} loading={loading} shown={rows.length} total={connection?.totalCount} onMore={(after) => fetchMore({ variables: { after } })} />
    </div>
  );
}
