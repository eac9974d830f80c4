import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { GENERATE_VOUCHERS, PLANS, REVOKE_VOUCHER, VOUCHERS } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { Badge, ErrorMessage, Field, Link, Loading, MoreButton, Notice, Page } from '../components/ui';
import { formatBytes, formatKes, formatTime } from '../lib/format';
import { batchProblem } from '../lib/validation';
import { voucherFilter, type VoucherFilterForm } from '../lib/filters';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function Vouchers() {
  const { organizationId, canChange } = useWorkspace();
  const [filter, setFilter] = useState<VoucherFilterForm>({ status: '', code: '', source: '', batchId: '' });
  const [sort, setSort] = useState('createdAt:DESC');
  const [field, direction] = sort.split(':');
  const { data, loading, error, fetchMore } = useQuery(VOUCHERS, {
    variables: { organizationId, first: 25, where: voucherFilter(filter), order: [{ [field]: direction }] },
  });
  const [revoke, revoked] = useMutation(REVOKE_VOUCHER);
  const connection = data?.organization?.vouchers;
  const vouchers: any[] = connection?.edges?.map((e: any) => e.node) ?? [];
  const set = (name: keyof VoucherFilterForm) => (e: { target: { value: string } }) => setFilter({ ...filter, [name]: e.target.value });

  return (
    <Page title="Vouchers">
      {canChange ? <GenerateBatch organizationId={organizationId!} /> : null}
      <div className="filters panel">
        <Field label="Code starts with">{(id) => <input id={id} value={filter.code} onChange={set('code')} />}</Field>
        <Field label="Status">{(id) => (
          <select id={id} value={filter.status} onChange={set('status')}>
            <option value="">any</option><option>UNUSED</option><option>ACTIVE</option><option>EXPIRED</option><option>REVOKED</option>
          </select>)}</Field>
        <Field label="Source">{(id) => (
          <select id={id} value={filter.source} onChange={set('source')}>
            <option value="">any</option><option>PURCHASE</option><option>BATCH</option><option>ADMIN</option>
          </select>)}</Field>
        <Field label="Batch id">{(id) => <input id={id} value={filter.batchId} onChange={set('batchId')} />}</Field>
        <Field label="Order">{(id) => (
          <select id={id} value={sort} onChange={(e) => setSort(e.target.value)}>
            <option value="createdAt:DESC">newest first</option><option value="createdAt:ASC">oldest first</option>
            <option value="code:ASC">code</option><option value="expiresAt:ASC">expiring first</option>
          </select>)}</Field>
      </div>
      <ErrorMessage error={error ?? revoked.error} />
      {loading && !data ? <Loading /> : (
        <div className="table-wrap">
          <table data-testid="vouchers-table">
            <thead><tr><th>Code</th><th>Plan</th><th>Status</th><th>Source</th><th>Used</th><th>Expires</th><th /></tr></thead>
            <tbody>
              {vouchers.map((v) => (
                <tr key={v.id}>
                  <td data-label="Code"><code>{v.code}</code></td>
                  <td data-label="Plan">{v.plan.name} ({formatKes(v.plan.priceKes)})</td>
                  <td data-label="Status"><Badge value={v.status} /></td>
                  <td data-label="Source">{v.source.toLowerCase()}{v.batchId ? <> · <Link to={`/vouchers/print?batch=${v.batchId}`}>print batch</Link></> : null}</td>
                  <td data-label="Used">{formatBytes(Number(v.bytesUsed))} · {v.devices} device{v.devices === 1 ? '' : 's'}</td>
                  <td data-label="Expires">{formatTime(v.expiresAt)}</td>
                  <td>{canChange && (v.status === 'UNUSED' || v.status === 'ACTIVE') ? (
                    <button type="button" className="danger" onClick={() => {
                      if (window.confirm(`Revoke ${v.code}? It stops giving access at once.`)) void revoke({ variables: { voucherId: v.id } }).catch(() => undefined);
                    }}>Revoke</button>) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MoreButton pageInfo={connection?.pageInfo} loading={loading} shown={vouchers.length} total={connection?.totalCount}
            onMore={(after) => fetchMore({ variables: { after } })} />
        </div>
      )}
    </Page>
  );
}

function GenerateBatch({ organizationId }: { organizationId: string }) {
  const { data } = useQuery(PLANS, { variables: { organizationId, first: 50, where: { isActive: { eq: true } }, order: [{ priceKes: 'ASC' }] } });
  const plans: any[] = data?.organization?.plans?.edges?.map((e: any) => e.node) ?? [];
  const [planId, setPlanId] = useState('');
  const [count, setCount] = useState('10');
  const [prefix, setPrefix] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [generate, generated] = useMutation(GENERATE_VOUCHERS, { refetchQueries: [VOUCHERS] });
  const chosen = planId || plans[0]?.id || '';

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!chosen) return setProblem('Create a plan first.');
    const found = batchProblem(count, prefix);
    setProblem(found);
    if (found) return;
    await generate({ variables: { organizationId, input: { planId: chosen, count: Number(count), prefix: prefix || null } } }).catch(() => undefined);
  };

  const batch = generated.data?.generateVouchers;
  return (
    <form className="panel grid-form" onSubmit={submit} noValidate data-testid="generate-form">
      <h2>Generate a batch</h2>
      <Field label="Plan">{(id) => (
        <select id={id} name="batch-plan" value={chosen} onChange={(e) => setPlanId(e.target.value)}>
          {plans.map((p) => <option key={p.id} value={p.id}>{p.name} · {formatKes(p.priceKes)}</option>)}
        </select>)}</Field>
      <Field label="How many" hint="1 to 1000.">{(id) => <input id={id} name="batch-count" inputMode="numeric" value={count} onChange={(e) => setCount(e.target.value)} />}</Field>
      <Field label="Prefix" hint="Optional, up to 6 letters or digits.">{(id) => <input id={id} name="batch-prefix" value={prefix} onChange={(e) => setPrefix(e.target.value.toUpperCase())} />}</Field>
      <div className="form-actions"><button type="submit" className="primary" data-testid="generate" disabled={generated.loading}>Generate</button></div>
      {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
      <ErrorMessage error={generated.error} />
      {batch ? (
        <Notice kind="success">
          {batch.vouchers.length} vouchers generated. <Link to={`/vouchers/print?batch=${batch.batchId}`} testId="print-batch">Open the print view</Link>
        </Notice>
      ) : null}
    </form>
  );
}
