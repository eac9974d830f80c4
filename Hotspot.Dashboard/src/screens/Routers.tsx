import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { REGISTER_ROUTER, REMOVE_ROUTER, ROUTERS, UPDATE_ROUTER } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { ErrorMessage, Field, Loading, Page } from '../components/ui';
import { formatTime } from '../lib/format';
import { freeRadiusClient, mikrotikCommands } from '../lib/radius';
import { routerProblem } from '../lib/validation';

/* eslint-disable @typescript-eslint/no-explicit-any */
export function Routers() {
  const { organizationId, canChange } = useWorkspace();
  const { data, loading, error } = useQuery(ROUTERS, { variables: { organizationId } });
  const [editing, setEditing] = useState<any | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const [radiusServer, setRadiusServer] = useState('10.8.0.1');
  const [remove, removed] = useMutation(REMOVE_ROUTER);
  const routers: any[] = (data?.organization?.routers ?? []).filter((r: any) => !r.removedAt);
  return (
    <Page title="Routers">
      {canChange ? <RouterEditor key={editing?.id ?? 'new'} router={editing} organizationId={organizationId!} onDone={() => setEditing(null)} /> : null}
      <ErrorMessage error={error ?? removed.error} />
      <Field label="FreeRADIUS address as the routers reach it" hint="Used in the commands below.">{(id) => <input id={id} value={radiusServer} onChange={(e) => setRadiusServer(e.target.value)} />}</Field>
      {loading && !data ? <Loading /> : routers.length === 0 ? <p>No routers registered: RADIUS rejects every login until one is.</p> : (
        <div className="cards">
          {routers.map((r) => (
            <article className="panel" key={r.id}>
              <h3>{r.name}</h3>
              <dl>
                <dt>NAS identifier</dt><dd>{r.nasIdentifier ?? '—'}</dd>
                <dt>IP address</dt><dd>{r.ipAddress ?? '—'}</dd>
                <dt>Attributes</dt><dd>{r.attributeProfile === 'MIKROTIK' ? 'MikroTik' : 'standard'}</dd>
                <dt>Last seen</dt><dd>{formatTime(r.lastSeenAt)}</dd>
              </dl>
              <div className="button-row">
                <button type="button" data-testid="radius-settings" onClick={() => setShown(shown === r.id ? null : r.id)}>{shown === r.id ? 'Hide' : 'RADIUS settings'}</button>
                {canChange ? <button type="button" onClick={() => setEditing(r)}>Edit</button> : null}
                {canChange ? <button type="button" className="danger" onClick={() => {
                  if (window.confirm(`Remove ${r.name}? Its logins are rejected and open sessions closed at once.`))
                    void remove({ variables: { organizationId, routerId: r.id } }).catch(() => undefined);
                }}>Remove</button> : null}
              </div>
              {shown === r.id ? (
                <div className="snippets">
                  <h4>MikroTik (RouterOS 7 terminal)</h4>
                  <pre>{mikrotikCommands(r, radiusServer)}</pre>
                  <h4>FreeRADIUS clients.conf</h4>
                  <pre>{freeRadiusClient(r)}</pre>
                </div>
              ) : null}
            </article>
          ))}
        </div>
      )}
    </Page>
  );
}

function RouterEditor({ router, organizationId, onDone }: { router: any | null; organizationId: string; onDone: () => void }) {
  const [name, setName] = useState(router?.name ?? '');
  const [nasIdentifier, setNas] = useState(router?.nasIdentifier ?? '');
  const [ipAddress, setIp] = useState(router?.ipAddress ?? '');
  const [profile, setProfile] = useState(router?.attributeProfile ?? 'MIKROTIK');
  const [problem, setProblem] = useState<string | null>(null);
  const [register, registered] = useMutation(REGISTER_ROUTER, { refetchQueries: [ROUTERS] });
  const [update, updated] = useMutation(UPDATE_ROUTER);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = routerProblem(name, nasIdentifier, ipAddress);
    setProblem(found);
    if (found) return;
    const input = { name: name.trim(), nasIdentifier: nasIdentifier.trim() || null, ipAddress: ipAddress.trim() || null, attributeProfile: profile };
    try {
      if (router) await update({ variables: { organizationId, routerId: router.id, input } });
      else await register({ variables: { organizationId, input } });
      onDone();
      if (!router) { setName(''); setNas(''); setIp(''); }
    } catch { /* shown below */ }
  };

  return (
    <form className="panel grid-form" onSubmit={submit} noValidate>
      <h2>{router ? `Edit ${router.name}` : 'Register a router'}</h2>
      <Field label="Name">{(id) => <input id={id} name="router-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Shop A" />}</Field>
      <Field label="NAS identifier" hint="MikroTik sends its /system identity.">{(id) => <input id={id} name="router-nas" value={nasIdentifier} onChange={(e) => setNas(e.target.value)} />}</Field>
      <Field label="IP address" hint="NAS-IP-Address as FreeRADIUS sees it (often the VPN address).">{(id) => <input id={id} name="router-ip" value={ipAddress} onChange={(e) => setIp(e.target.value)} />}</Field>
      <Field label="Attributes">{(id) => (
        <select id={id} value={profile} onChange={(e) => setProfile(e.target.value)}>
          <option value="MIKROTIK">MikroTik (rate and data limits)</option><option value="STANDARD">Standard only</option>
        </select>)}</Field>
      <div className="form-actions">
        <button type="submit" className="primary" data-testid="save-router" disabled={registered.loading || updated.loading}>{router ? 'Save changes' : 'Register'}</button>
        {router ? <button type="button" onClick={onDone}>Cancel</button> : null}
      </div>
      {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
      <ErrorMessage error={registered.error ?? updated.error} />
    </form>
  );
}
