import { Fragment, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import {
  PAYMENT_SETTINGS, SET_PAYMENT_METHOD, TEST_KOPOKOPO, TEST_MPESA, UPDATE_KOPOKOPO, UPDATE_MPESA,
} from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { Badge, ErrorMessage, Field, Loading, Notice, Page } from '../components/ui';
import { formatTime } from '../lib/format';
import { methodSwitch } from '../lib/paymentMethod';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function PaymentSettings() {
  const { organizationId, canChange } = useWorkspace();
  const { data, loading, error } = useQuery(PAYMENT_SETTINGS, { variables: { organizationId } });
  const organization = data?.organization;
  if (loading && !organization) return <Loading />;
  if (!organization) return <Page title="Payment settings"><ErrorMessage error={error} /></Page>;
  return (
    <Page title="Payment settings">
      <ErrorMessage error={error} />
      <ActiveMethod organization={organization} canChange={canChange} />
      <div className="two-columns">
        <MpesaSettings organization={organization} canChange={canChange} />
        <KopoKopoSettings organization={organization} canChange={canChange} />
      </div>
    </Page>
  );
}

function ActiveMethod({ organization, canChange }: { organization: any; canChange: boolean }) {
  const [setMethod, { loading, error, data }] = useMutation(SET_PAYMENT_METHOD);
  const choices = methodSwitch(organization.mpesaState, organization.kopokopoState);
  const apply = (method: string | null) => setMethod({ variables: { organizationId: organization.id, input: { paymentMethod: method } } }).catch(() => undefined);
  const result = data?.setPaymentMethod;
  return (
    <section className="panel" data-testid="active-method">
      <h2>Active payment method</h2>
      <p>Purchases on the captive portal use the active method. Only one can be active.</p>
      <dl className="states">
        <dt>M-Pesa (Daraja)</dt><dd><Badge value={organization.mpesaState} /></dd>
        <dt>Kopo Kopo</dt><dd><Badge value={organization.kopokopoState} /></dd>
      </dl>
      {canChange ? (
        <div className="button-row">
          {choices.map((c) => (
            <button key={c.method ?? 'none'} type="button" disabled={loading || !c.enabled} title={c.reason ?? undefined}
              data-testid={`activate-${(c.method ?? 'none').toLowerCase()}`} onClick={() => apply(c.method)}>{c.label}</button>
          ))}
        </div>
      ) : null}
      {result ? <Notice kind={result.success ? 'success' : 'warning'}>{result.message}</Notice> : null}
      <ErrorMessage error={error} />
    </section>
  );
}

const emptyMpesa = { environment: 'SANDBOX', shortCode: '', transactionType: 'PAYBILL', tillNumber: '', consumerKey: '', consumerSecret: '', passkey: '', initiatorName: '', initiatorPassword: '' };

function MpesaSettings({ organization, canChange }: { organization: any; canChange: boolean }) {
  const config = organization.mpesaConfig;
  const [form, setForm] = useState(() => ({ ...emptyMpesa, environment: config?.environment ?? 'SANDBOX', shortCode: config?.shortCode ?? '',
    transactionType: config?.transactionType ?? 'PAYBILL', tillNumber: config?.tillNumber ?? '', initiatorName: config?.initiatorName ?? '' }));
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saved] = useMutation(UPDATE_MPESA);
  const [test, tested] = useMutation(TEST_MPESA);
  const set = (name: keyof typeof emptyMpesa) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{5,7}$/.test(form.shortCode.trim())) return setProblem('The short code is the 5 to 7 digit paybill or store number.');
    if (form.transactionType === 'BUY_GOODS' && !/^\d{5,7}$/.test(form.tillNumber.trim())) return setProblem('Buy Goods needs the till number.');
    if (!form.consumerKey || !form.consumerSecret || !form.passkey) return setProblem('Enter the consumer key, consumer secret and passkey (secrets are never shown back, so every save needs them).');
    if (Boolean(form.initiatorName.trim()) !== Boolean(form.initiatorPassword)) return setProblem('Refunds need both the initiator name and its password, or neither.');
    setProblem(null);
    const input = {
      environment: form.environment, shortCode: form.shortCode.trim(), transactionType: form.transactionType,
      tillNumber: form.transactionType === 'BUY_GOODS' ? form.tillNumber.trim() : null,
      consumerKey: form.consumerKey.trim(), consumerSecret: form.consumerSecret.trim(), passkey: form.passkey.trim(),
      initiatorName: form.initiatorName.trim() || null, initiatorPassword: form.initiatorPassword || null,
    };
    try {
      await save({ variables: { organizationId: organization.id, input } });
      setForm({ ...form, consumerKey: '', consumerSecret: '', passkey: '', initiatorPassword: '' });
    } catch { /* shown below */ }
  };

  const result = tested.data?.testMpesaCredentials;
  return (
    <section className="panel" data-testid="mpesa-settings">
      <h2>M-Pesa (Safaricom Daraja) <Badge value={organization.mpesaState} /></h2>
      {config ? (
        <dl className="hints">
          <dt>Consumer key</dt><dd>{config.consumerKeyHint}</dd>
          <dt>Consumer secret</dt><dd>{config.consumerSecretHint}</dd>
          <dt>Passkey</dt><dd>{config.passkeyHint}</dd>
          {config.initiatorPasswordHint ? <><dt>Initiator password</dt><dd>{config.initiatorPasswordHint}</dd></> : null}
          <dt>Credentials</dt><dd data-testid="mpesa-verified">{config.credentialsVerified ? 'verified' : config.lastTestedAt ? 'failed' : 'not tested'}{config.lastTestedAt ? ` (${formatTime(config.lastTestedAt)})` : ''}</dd>
          {config.lastTestError ? <><dt>Last error</dt><dd>{config.lastTestError}</dd></> : null}
        </dl>
      ) : <p>Not configured.</p>}
      {canChange ? (
        <form className="grid-form" onSubmit={submit} noValidate>
          <Field label="Environment">{(id) => (
            <select id={id} name="mpesa-environment" value={form.environment} onChange={set('environment')}>
              <option value="SANDBOX">Sandbox</option><option value="PRODUCTION">Production</option>
            </select>)}</Field>
          <Field label="Transaction type">{(id) => (
            <select id={id} name="mpesa-type" value={form.transactionType} onChange={set('transactionType')}>
              <option value="PAYBILL">Paybill</option><option value="BUY_GOODS">Buy Goods (till)</option>
            </select>)}</Field>
          <Field label={form.transactionType === 'BUY_GOODS' ? 'Store number' : 'Paybill number'}>{(id) => <input id={id} name="mpesa-short-code" inputMode="numeric" value={form.shortCode} onChange={set('shortCode')} />}</Field>
          {form.transactionType === 'BUY_GOODS' ? <Field label="Till number">{(id) => <input id={id} name="mpesa-till" inputMode="numeric" value={form.tillNumber} onChange={set('tillNumber')} />}</Field> : null}
          <Field label="Consumer key" hint={config ? `Saved: ${config.consumerKeyHint}` : undefined}>{(id) => <input id={id} name="mpesa-consumer-key" autoComplete="off" value={form.consumerKey} onChange={set('consumerKey')} />}</Field>
          <Field label="Consumer secret" hint={config ? `Saved: ${config.consumerSecretHint}` : undefined}>{(id) => <input id={id} name="mpesa-consumer-secret" type="password" autoComplete="off" value={form.consumerSecret} onChange={set('consumerSecret')} />}</Field>
          <Field label="Passkey" hint={config ? `Saved: ${config.passkeyHint}` : undefined}>{(id) => <input id={id} name="mpesa-passkey" type="password" autoComplete="off" value={form.passkey} onChange={set('passkey')} />}</Field>
          <Field label="B2C initiator name" hint="For refunds; optional.">{(id) => <input id={id} name="mpesa-initiator" autoComplete="off" value={form.initiatorName} onChange={set('initiatorName')} />}</Field>
          <Field label="B2C initiator password">{(id) => <input id={id} name="mpesa-initiator-password" type="password" autoComplete="off" value={form.initiatorPassword} onChange={set('initiatorPassword')} />}</Field>
          <div className="form-actions">
            <button type="submit" className="primary" data-testid="save-mpesa" disabled={saved.loading}>Save M-Pesa settings</button>
            {config ? <button type="button" data-testid="test-mpesa" disabled={tested.loading} onClick={() => test({ variables: { organizationId: organization.id } }).catch(() => undefined)}>Test credentials</button> : null}
          </div>
          {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
          <ErrorMessage error={saved.error ?? tested.error} />
          {saved.data && !saved.loading ? <Notice kind="success">Saved.</Notice> : null}
          {result ? <Notice kind={result.success ? 'success' : 'warning'}>{result.success ? 'Daraja issued a token: the credentials work.' : `Daraja refused: ${result.error}`}</Notice> : null}
        </form>
      ) : null}
      {config ? (
        <details open>
          <summary>Callback URLs to give Safaricom</summary>
          <dl className="urls">
            <dt>STK push results</dt><dd><code>{config.stkCallbackUrl}</code></dd>
            <dt>C2B validation</dt><dd><code>{config.c2bValidationUrl}</code></dd>
            <dt>C2B confirmation</dt><dd><code>{config.c2bConfirmationUrl}</code></dd>
            <dt>B2C result</dt><dd><code>{config.b2cResultUrl}</code></dd>
            <dt>B2C timeout</dt><dd><code>{config.b2cTimeoutUrl}</code></dd>
          </dl>
          <small className="hint">Each URL holds a secret token of this organization: give it to Safaricom only.</small>
        </details>
      ) : null}
    </section>
  );
}

const emptyKopoKopo = { environment: 'SANDBOX', clientId: '', clientSecret: '', apiKey: '', businessName: '', tillNumber: '' };

function KopoKopoSettings({ organization, canChange }: { organization: any; canChange: boolean }) {
  const config = organization.kopokopoConfig;
  const [form, setForm] = useState(() => ({ ...emptyKopoKopo, environment: config?.environment ?? 'SANDBOX', businessName: config?.businessName ?? '', tillNumber: config?.tillNumber ?? '' }));
  const [problem, setProblem] = useState<string | null>(null);
  const [save, saved] = useMutation(UPDATE_KOPOKOPO);
  const [test, tested] = useMutation(TEST_KOPOKOPO);
  const set = (name: keyof typeof emptyKopoKopo) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!form.businessName.trim()) return setProblem('Enter the business name.');
    if (!form.tillNumber.trim()) return setProblem('Enter the Kopo Kopo till number (e.g. K123456).');
    if (!form.clientId || !form.clientSecret || !form.apiKey) return setProblem('Enter the client id, client secret and API key (secrets are never shown back, so every save needs them).');
    setProblem(null);
    const input = { environment: form.environment, clientId: form.clientId.trim(), clientSecret: form.clientSecret.trim(), apiKey: form.apiKey.trim(),
      businessName: form.businessName.trim(), tillNumber: form.tillNumber.trim() };
    try {
      await save({ variables: { organizationId: organization.id, input } });
      setForm({ ...form, clientId: '', clientSecret: '', apiKey: '' });
    } catch { /* shown below */ }
  };

  const result = tested.data?.testKopoKopoCredentials;
  return (
    <section className="panel" data-testid="kopokopo-settings">
      <h2>Kopo Kopo <Badge value={organization.kopokopoState} /></h2>
      {config ? (
        <dl className="hints">
          <dt>Client id</dt><dd>{config.clientIdHint}</dd>
          <dt>Client secret</dt><dd>{config.clientSecretHint}</dd>
          <dt>API key</dt><dd>{config.apiKeyHint}</dd>
          <dt>Credentials</dt><dd>{config.credentialsVerified ? 'verified' : config.lastTestedAt ? 'failed' : 'not tested'}{config.lastTestedAt ? ` (${formatTime(config.lastTestedAt)})` : ''}</dd>
          {config.lastTestError ? <><dt>Last error</dt><dd>{config.lastTestError}</dd></> : null}
        </dl>
      ) : <p>Not configured.</p>}
      {canChange ? (
        <form className="grid-form" onSubmit={submit} noValidate>
          <Field label="Environment">{(id) => (
            <select id={id} value={form.environment} onChange={set('environment')}>
              <option value="SANDBOX">Sandbox</option><option value="PRODUCTION">Production</option>
            </select>)}</Field>
          <Field label="Business name">{(id) => <input id={id} value={form.businessName} onChange={set('businessName')} />}</Field>
          <Field label="Till number">{(id) => <input id={id} value={form.tillNumber} onChange={set('tillNumber')} />}</Field>
          <Field label="Client id" hint={config ? `Saved: ${config.clientIdHint}` : undefined}>{(id) => <input id={id} autoComplete="off" value={form.clientId} onChange={set('clientId')} />}</Field>
          <Field label="Client secret" hint={config ? `Saved: ${config.clientSecretHint}` : undefined}>{(id) => <input id={id} type="password" autoComplete="off" value={form.clientSecret} onChange={set('clientSecret')} />}</Field>
          <Field label="API key" hint={config ? `Saved: ${config.apiKeyHint}. It signs the webhooks.` : 'It signs the webhooks.'}>{(id) => <input id={id} type="password" autoComplete="off" value={form.apiKey} onChange={set('apiKey')} />}</Field>
          <div className="form-actions">
            <button type="submit" className="primary" disabled={saved.loading}>Save Kopo Kopo settings</button>
            {config ? <button type="button" disabled={tested.loading} onClick={() => test({ variables: { organizationId: organization.id } }).catch(() => undefined)}>Test credentials</button> : null}
          </div>
          {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
          <ErrorMessage error={saved.error ?? tested.error} />
          {saved.data && !saved.loading ? <Notice kind="success">Saved.</Notice> : null}
          {result ? <Notice kind={result.success ? 'success' : 'warning'}>{result.success ? 'Kopo Kopo issued a token: the credentials work.' : `Kopo Kopo refused: ${result.error}`}</Notice> : null}
        </form>
      ) : null}
      {config ? (
        <details>
          <summary>Callback URLs and webhook subscriptions</summary>
          <dl className="urls">
            {config.callbackUrls.map((c: any) => <Fragment key={c.callbackType}><dt>{c.callbackType}</dt><dd><code>{c.url}</code></dd></Fragment>)}
          </dl>
          {config.webhookSubscriptions.length > 0 ? (
            <ul>{config.webhookSubscriptions.map((w: any) => <li key={w.eventType + w.scope}>{w.eventType} ({w.scope}{w.scopeReference ? ` ${w.scopeReference}` : ''}) <Badge value={w.status} />{w.lastError ? ` — ${w.lastError}` : ''}</li>)}</ul>
          ) : <p>Webhooks are subscribed when Kopo Kopo is activated.</p>}
        </details>
      ) : null}
    </section>
  );
}
