import { useState } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { PAYMENTS_IN_REVIEW, RESOLVE_PAYMENT } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { Badge, ErrorMessage, Field, Loading, MoreButton, Notice, Page } from '../components/ui';
import { formatKes, formatTime } from '../lib/format';

/* eslint-disable @typescript-eslint/no-explicit-any */
/** Money a person must decide about (NEEDS_REVIEW), from both providers: issue a voucher, refund, or dismiss. */
export function Review() {
  const { organizationId, canChange } = useWorkspace();
  const [provider, setProvider] = useState('');
  const where = provider ? { provider: { eq: provider } } : undefined;
  const { data, loading, error, fetchMore } = useQuery(PAYMENTS_IN_REVIEW, { variables: { organizationId, first: 20, where, order: [{ receivedAt: 'DESC' }] } });
  const connection = data?.organization?.paymentsInReview;
  const payments: any[] = connection?.edges?.map((e: any) => e.node) ?? [];
  const plans: any[] = data?.organization?.plans?.edges?.map((e: any) => e.node) ?? [];
  return (
    <Page title="Review queue">
      <div className="filters panel">
        <Field label="Provider">{(id) => (
          <select id={id} value={provider} onChange={(e) => setProvider(e.target.value)}>
            <option value="">both</option><option value="MPESA">M-Pesa</option><option value="KOPOKOPO">Kopo Kopo</option>
          </select>)}</Field>
      </div>
      <ErrorMessage error={error} />
      {loading && !data ? <Loading /> : payments.length === 0 ? <Notice kind="success">Nothing waits for a decision.</Notice> : (
        <div className="cards">
          {payments.map((p) => <PaymentDecision key={p.id} payment={p} plans={plans} organizationId={organizationId!} canChange={canChange} />)}
        </div>
      )}
      <MoreButton pageInfo={connection?.pageInfo} loading={loading} shown={payments.length} total={connection?.totalCount} onMore={(after) => fetchMore({ variables: { after } })} />
    </Page>
  );
}

function PaymentDecision({ payment, plans, organizationId, canChange }: { payment: any; plans: any[]; organizationId: string; canChange: boolean }) {
  const [action, setAction] = useState('ISSUE_VOUCHER');
  const [planId, setPlanId] = useState('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [resolve, resolved] = useMutation(RESOLVE_PAYMENT, { refetchQueries: [PAYMENTS_IN_REVIEW] });
  const covering = plans.filter((p) => payment.amountKes !== null && Number(p.priceKes) <= Number(payment.amountKes));
  const chosenPlan = planId || covering[covering.length - 1]?.id || '';

  const decide = async () => {
    if (action === 'ISSUE_VOUCHER' && !chosenPlan) return setProblem('No plan on sale costs this payment or less.');
    if (action === 'DISMISS' && note.trim() === '') return setProblem('Say why it is dismissed.');
    setProblem(null);
    await resolve({ variables: { organizationId, paymentId: payment.id, input: { action, planId: action === 'ISSUE_VOUCHER' ? chosenPlan : null, note: note.trim() || null } } }).catch(() => undefined);
  };

  const result = resolved.data?.resolvePayment;
  return (
    <article className="panel payment">
      <h3>{formatKes(payment.amountKes)}{payment.currency && payment.currency !== 'KES' ? ` (${payment.currency})` : ''} · {payment.provider === 'MPESA' ? 'M-Pesa' : 'Kopo Kopo'}</h3>
      <dl>
        <dt>Received</dt><dd>{formatTime(payment.receivedAt)}</dd>
        <dt>Receipt</dt><dd>{payment.receipt ?? '—'}</dd>
        <dt>Payer</dt><dd>{payment.phoneNumber ?? '—'}</dd>
        <dt>Why</dt><dd>{payment.reviewReason ?? '—'}</dd>
        {payment.purchase ? <><dt>Purchase</dt><dd>{payment.purchase.plan.name} <Badge value={payment.purchase.status} /></dd></> : null}
      </dl>
      {canChange ? (
        <div className="grid-form">
          <Field label="Decision">{(id) => (
            <select id={id} value={action} onChange={(e) => setAction(e.target.value)}>
              <option value="ISSUE_VOUCHER">Issue a voucher</option><option value="REFUND">Refund</option><option value="DISMISS">Dismiss</option>
            </select>)}</Field>
          {action === 'ISSUE_VOUCHER' ? (
            <Field label="Plan">{(id) => (
              <select id={id} value={chosenPlan} onChange={(e) => setPlanId(e.target.value)}>
                {covering.map((p) => <option key={p.id} value={p.id}>{p.name} · {formatKes(p.priceKes)}</option>)}
              </select>)}</Field>
          ) : null}
          <Field label={action === 'DISMISS' ? 'Note (required)' : 'Note'}>{(id) => <input id={id} value={note} onChange={(e) => setNote(e.target.value)} />}</Field>
          <div className="form-actions"><button type="button" className="primary" disabled={resolved.loading} onClick={decide}>Decide</button></div>
          {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
          <ErrorMessage error={resolved.error} />
          {result ? <Notice kind={result.success ? 'success' : 'warning'}>{result.message}{result.voucher ? ` Voucher ${result.voucher.code}.` : ''}</Notice> : null}
        </div>
      ) : null}
    </article>
  );
}
