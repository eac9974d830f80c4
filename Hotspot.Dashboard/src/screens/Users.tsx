import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { CREATE_USER, DEACTIVATE_USER, USERS } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { Badge, ErrorMessage, Field, Loading, Notice, Page } from '../components/ui';
import { formatTime } from '../lib/format';
import { userProblem } from '../lib/validation';

export function Users() {
  const { organizationId, canChange, session } = useWorkspace();
  const { data, loading, error } = useQuery(USERS, { variables: { organizationId } });
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState('ORGANIZATION_VIEWER');
  const [problem, setProblem] = useState<string | null>(null);
  const [create, created] = useMutation(CREATE_USER, { refetchQueries: [USERS] });
  const [deactivate, deactivated] = useMutation(DEACTIVATE_USER);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const found = userProblem(email, password);
    setProblem(found);
    if (found) return;
    try {
      await create({ variables: { input: { email: email.trim(), password, role, organizationId: role === 'PLATFORM_ADMIN' ? null : organizationId } } });
      setEmail('');
      setPassword('');
    } catch { /* shown below */ }
  };

  const users: { id: string; email: string; role: string; isActive: boolean; createdAt: string; lastLoginAt: string | null }[] = data?.organization?.users ?? [];
  return (
    <Page title="Users">
      {canChange ? (
        <form className="panel grid-form" onSubmit={submit} noValidate>
          <h2>Add a user</h2>
          <Field label="Email">{(id) => <input id={id} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
          <Field label="Password" hint="At least 12 characters; give it to the user privately.">{(id) => <input id={id} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
          <Field label="Role">{(id) => (
            <select id={id} value={role} onChange={(e) => setRole(e.target.value)}>
              <option value="ORGANIZATION_VIEWER">Viewer (reads only)</option>
              <option value="ORGANIZATION_ADMIN">Organization admin</option>
              {session.role === 'PLATFORM_ADMIN' ? <option value="PLATFORM_ADMIN">Platform admin (all organizations)</option> : null}
            </select>)}
          </Field>
          <div className="form-actions"><button type="submit" className="primary" disabled={created.loading}>Add user</button></div>
          {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
          <ErrorMessage error={created.error} />
          {created.data ? <Notice kind="success">Added {created.data.createUser.email}.</Notice> : null}
        </form>
      ) : null}
      <ErrorMessage error={error ?? deactivated.error} />
      {loading && !data ? <Loading /> : (
        <div className="table-wrap">
          <table>
            <thead><tr><th>Email</th><th>Role</th><th>State</th><th>Last sign-in</th><th /></tr></thead>
            <tbody>
              {users.map((u) => (
                <tr key={u.id}>
                  <td data-label="Email">{u.email}</td>
                  <td data-label="Role"><Badge value={u.role} /></td>
                  <td data-label="State">{u.isActive ? 'active' : 'deactivated'}</td>
                  <td data-label="Last sign-in">{formatTime(u.lastLoginAt)}</td>
                  <td>{canChange && u.isActive ? (
                    <button type="button" className="danger" onClick={() => {
                      if (window.confirm(`Deactivate ${u.email}? Their sessions end at once.`)) void deactivate({ variables: { userId: u.id } }).catch(() => undefined);
                    }}>Deactivate</button>) : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {users.length === 0 ? <p>No users in this organization yet.</p> : null}
        </div>
      )}
    </Page>
  );
}
