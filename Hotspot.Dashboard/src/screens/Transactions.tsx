import { useState, type ReactNode } from 'react';
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

/** One column of a provider's table: its heading (also the cell's label on narrow screens) and its cell. */
interface Column { label: string; cell: (t: any) => ReactNode }

const statusColumns: Column[] = [
  { label: 'Status', cell: (t) => <><Badge value={t.status} />{t.reviewReason ? <small className="hint"> {t.reviewReason}</small> : null}</> },
  { label: 'Purchase', cell: (t) => (t.purchase ? <Badge value={t.purchase.status} /> : '—') },
];

const mpesaColumns: Column[] = [
  { label: 'Received', cell: (t) => formatTime(t.receivedAt) },
  { label: 'Kind', cell: (t) => t.kind },
  { label: 'Amount', cell: (t) => formatKes(t.amountKes) },
  { label: 'Phone', cell: (t) => t.phoneNumber ?? '—' },
  { label: 'Receipt', cell: (t) => t.receiptNumber ?? '—' },
  { label: 'Result', cell: (t) => <>{t.resultCode ?? ''} {t.resultDescription ?? ''}</> },
  ...statusColumns,
];

const kopokopoColumns: Column[] = [
  { label: 'Received', cell: (t) => formatTime(t.receivedAt) },
  { label: 'Type', cell: (t) => t.type },
  { label: 'Amount', cell: (t) => (t.currency && t.currency !== 'KES' ? `${t.currency} ${t.amountKes}` : formatKes(t.amountKes)) },
  { label: 'Phone', cell: (t) => t.phoneNumber ?? '—' },
  { label: 'Reference', cell: (t) => t.reference ?? '—' },
  { label: 'Provider status', cell: (t) => t.providerStatus ?? '—' },
  ...statusColumns,
];

function MpesaTable({ filter, sort }: { filter: TransactionFilterForm; sort: string }) {
  return <TransactionTable query={MPESA_TRANSACTIONS} connection="mpesaTransactions" where={mpesaFilter(filter)} sort={sort} columns={mpesaColumns} />;
}

function KopoKopoTable({ filter, sort }: { filter: TransactionFilterForm; sort: string }) {
  return <TransactionTable query={KOPOKOPO_TRANSACTIONS} connection="kopokopoTransactions" where={kopokopoFilter(filter)} sort={sort} columns={kopokopoColumns} />;
}

/** A provider's transactions connection as a table, 25 at a time, with the filter and order of the form above. */
function TransactionTable({ query, connection: name, where, sort, columns }: {
  query: typeof MPESA_TRANSACTIONS | typeof KOPOKOPO_TRANSACTIONS;
  connection: 'mpesaTransactions' | 'kopokopoTransactions';
  where: unknown;
  sort: string;
  columns: Column[];
}) {
  const { organizationId } = useWorkspace();
  const [field, direction] = sort.split(':');
  const { data, loading, error, fetchMore } = useQuery<any>(query, { variables: { organizationId, first: 25, where, order: [{ [field]: direction }] } });
  const connection = data?.organization?.[name];
  const rows: any[] = connection?.edges?.map((e: any) => e.node) ?? [];
  if (loading && !data) return <Loading />;
  return (
    <div className="table-wrap">
      <ErrorMessage error={error} />
      <table>
        <thead><tr>{columns.map((c) => <th key={c.label}>{c.label}</th>)}</tr></thead>
        <tbody>
          {rows.map((t) => (
            <tr key={t.id}>
              {columns.map((c) => <td key={c.label} data-label={c.label}>{c.cell(t)}</td>)}
            </tr>
          ))}
        </tbody>
      </table>
      <MoreButton pageInfo={connection?.pageInfo} loading={loading} shown={rows.length} total={connection?.totalCount} onMore={(after) => fetchMore({ variables: { after } })} />
    </div>
  );
}
