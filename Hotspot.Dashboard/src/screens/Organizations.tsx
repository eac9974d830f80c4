import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CREATE_ORGANIZATION, ORGANIZATIONS } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { Badge, ErrorMessage, Field, Loading, Page } from '../components/ui';
import { formatTime } from '../lib/format';
import { navigate } from '../lib/routing';

export function Organizations() {
  const { organizationId, chooseOrganization } = useWorkspace();
  const { data, loading, error } = useQuery(ORGANIZATIONS);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [create, created] = useMutation(CREATE_ORGANIZATION, {
    update(cache, { data: result }) {
      const existing = cache.readQuery<{ organizations: unknown[] }>({ query: ORGANIZATIONS });
      if (existing && result) cache.writeQuery({ query: ORGANIZATIONS, data: { organizations: [...existing.organizations, result.createOrganization] } });
    },
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (trimmed.length === 0) return setProblem('Give the organization a name.');
    if (trimmed.length > 200) return setProblem('Use at most 200 characters.');
    setProblem(null);
    try {
      const { data: result } = await create({ variables: { input: { name: trimmed } } });
      if (result) {
        setName('');
        chooseOrganization(result.createOrganization.id, result.createOrganization.name);
      }
    } catch { /* shown below */ }
  };

  const organizations: { id: string; name: string; paymentMethod: string | null; mpesaState: string; kopokopoState: string; createdAt: string }[] = data?.organizations ?? [];
  return (
    <Page title="Organizations">
      <form className="panel inline-form" onSubmit={submit} noValidate>
        <Field label="New organization">{(id) => <input id={id} name="organization-name" value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Kibera Net" />}</Field>
        <button type="submit" className="primary" disabled={created.loading}>Create</button>
        {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
        <ErrorMessage error={created.error} />
      </form>
      <ErrorMessage error={error} />
      {loading && !data ? <Loading /> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Name</th><th>Payment method</th><th>M-Pesa</th><th>Kopo Kopo</th><th>Created</th><th /></tr></thead>
            <tbody>
              {organizations.map((o) => (
                <tr key={o.id} className={o.id === organizationId ? 'selected' : undefined}>
                  <td data-label="Name">{o.name}</td>
                  <td data-label="Method"><Badge value={o.paymentMethod} /></td>
                  <td data-label="M-Pesa"><Badge value={o.mpesaState} /></td>
                  <td data-label="Kopo Kopo"><Badge value={o.kopokopoState} /></td>
                  <td data-label="Created">{formatTime(o.createdAt)}</td>
                  <td><button type="button" onClick={() => { chooseOrganization(o.id, o.name); navigate('/payment-settings'); }}>Open</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Page>
  );
}
