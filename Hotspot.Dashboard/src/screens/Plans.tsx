import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { ARCHIVE_PLAN, CREATE_PLAN, PLANS, UPDATE_PLAN } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { ErrorMessage, Field, Loading, MoreButton, Page } from '../components/ui';
import { formatBytes, formatDuration, formatKes, splitDuration } from '../lib/format';
import { planInput, type PlanForm } from '../lib/validation';

/* eslint-disable @typescript-eslint/no-explicit-any */
const blank: PlanForm = { name: '', priceKes: '', durationAmount: '1', durationUnit: 'hours', dataCapMb: '', uploadRateKbps: '', downloadRateKbps: '', maxDevices: '1' };

function formOf(plan: any): PlanForm {
  const { amount, unit } = splitDuration(Number(plan.durationSeconds));
  return {
    name: plan.name, priceKes: String(plan.priceKes), durationAmount: String(amount), durationUnit: unit,
    dataCapMb: plan.dataCapBytes ? String(Math.round(Number(plan.dataCapBytes) / 1048576)) : '',
    uploadRateKbps: plan.uploadRateKbps ? String(plan.uploadRateKbps) : '', downloadRateKbps: plan.downloadRateKbps ? String(plan.downloadRateKbps) : '',
    maxDevices: String(plan.maxDevices),
  };
}

export function Plans() {
  const { organizationId, canChange } = useWorkspace();
  const [showArchived, setShowArchived] = useState(false);
  const where = showArchived ? undefined : { isActive: { eq: true } };
  const order = [{ priceKes: 'ASC' }];
  const { data, loading, error, fetchMore } = useQuery(PLANS, { variables: { organizationId, first: 25, where, order } });
  const [editing, setEditing] = useState<any | null>(null);
  const [archive, archived] = useMutation(ARCHIVE_PLAN, { refetchQueries: [PLANS] });
  const connection = data?.organization?.plans;
  const plans: any[] = connection?.edges?.map((e: any) => e.node) ?? [];

  return (
    <Page title="Plans">
      {canChange ? <PlanEditor key={editing?.id ?? 'new'} plan={editing} organizationId={organizationId!} onDone={() => setEditing(null)} /> : null}
      <label className="checkbox"><input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived plans</label>
      <ErrorMessage error={error ?? archived.error} />
      {loading && !data ? <Loading /> : (
        <div className="table-wrap">
          <table data-testid="plans-table">
            <thead><tr><th>Name</th><th>Price</th><th>Duration</th><th>Data</th><th>Speed (kbps up/down)</th><th>Devices</th><th>State</th><th /></tr></thead>
            <tbody>
              {plans.map((p) => (
                <tr key={p.id}>
                  <td data-label="Name">{p.name}</td>
                  <td data-label="Price">{formatKes(p.priceKes)}</td>
                  <td data-label="Duration">{formatDuration(Number(p.durationSeconds))}</td>
                  <td data-label="Data">{formatBytes(p.dataCapBytes === null ? null : Number(p.dataCapBytes))}</td>
                  <td data-label="Speed">{p.uploadRateKbps ?? '—'} / {p.downloadRateKbps ?? '—'}</td>
                  <td data-label="Devices">{p.maxDevices}</td>
                  <td data-label="State">{p.isActive ? 'on sale' : 'archived'}</td>
                  <td>{canChange ? (
                    <span className="button-row">
                      <button type="button" onClick={() => setEditing(p)}>Edit</button>
                      {p.isActive ? <button type="button" className="danger" onClick={() => {
                        if (window.confirm(`Take ${p.name} off sale? Its vouchers keep working.`)) void archive({ variables: { planId: p.id } }).catch(() => undefined);
                      }}>Archive</button> : null}
                    </span>) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <MoreButton pageInfo={connection?.pageInfo} loading={loading} shown={plans.length} total={connection?.totalCount}
            onMore={(after) => fetchMore({ variables: { after } })} />
        </div>
      )}
    </Page>
  );
}

function PlanEditor({ plan, organizationId, onDone }: { plan: any | null; organizationId: string; onDone: () => void }) {
  const [form, setForm] = useState<PlanForm>(() => (plan ? formOf(plan) : blank));
  const [problem, setProblem] = useState<string | null>(null);
  const [create, created] = useMutation(CREATE_PLAN, { refetchQueries: [PLANS] });
  const [update, updated] = useMutation(UPDATE_PLAN);
  const set = (name: keyof PlanForm) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const result = planInput(form);
    if ('problem' in result) return setProblem(result.problem);
    setProblem(null);
    try {
      if (plan) await update({ variables: { planId: plan.id, input: result.input } });
      else await create({ variables: { organizationId, input: result.input } });
      setForm(blank);
      onDone();
    } catch { /* shown below */ }
  };

  return (
    <form className="panel grid-form" onSubmit={submit} noValidate data-testid="plan-form">
      <h2>{plan ? `Edit ${plan.name}` : 'New plan'}</h2>
      <Field label="Name">{(id) => <input id={id} name="plan-name" value={form.name} onChange={set('name')} placeholder="e.g. 1 hour" />}</Field>
      <Field label="Price (KES)">{(id) => <input id={id} name="plan-price" inputMode="numeric" value={form.priceKes} onChange={set('priceKes')} />}</Field>
      <Field label="Duration">{(id) => (
        <span className="pair">
          <input id={id} name="plan-duration" inputMode="numeric" value={form.durationAmount} onChange={set('durationAmount')} />
          <select aria-label="Duration unit" name="plan-duration-unit" value={form.durationUnit} onChange={set('durationUnit')}>
            <option value="minutes">minutes</option><option value="hours">hours</option><option value="days">days</option><option value="weeks">weeks</option>
          </select>
        </span>)}</Field>
      <Field label="Data cap (MB)" hint="Empty: unlimited.">{(id) => <input id={id} inputMode="numeric" value={form.dataCapMb} onChange={set('dataCapMb')} />}</Field>
      <Field label="Upload (kbps)">{(id) => <input id={id} inputMode="numeric" value={form.uploadRateKbps} onChange={set('uploadRateKbps')} />}</Field>
      <Field label="Download (kbps)">{(id) => <input id={id} inputMode="numeric" value={form.downloadRateKbps} onChange={set('downloadRateKbps')} />}</Field>
      <Field label="Devices per voucher">{(id) => <input id={id} inputMode="numeric" value={form.maxDevices} onChange={set('maxDevices')} />}</Field>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="save-plan" disabled={created.loading || updated.loading}>{plan ? 'Save changes' : 'Create plan'}</button>
        {plan ? <button type="button" onClick={onDone}>Cancel</button> : null}
      </div>
      {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
      <ErrorMessage error={created.error ?? updated.error} />
    </form>
  );
}
