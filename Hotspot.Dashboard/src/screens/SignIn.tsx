import { useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { LOGIN } from '../api/operations';
import { signIn } from '../api/session';
import { ErrorMessage, Field, Notice } from '../components/ui';

export function SignIn({ expired }: { expired: boolean }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [login, { loading, error, reset }] = useMutation(LOGIN);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    reset();
    // The API's own rules: an email, and a password (at least 12 characters for accounts it creates).
    if (!email.includes('@')) return setProblem('Enter the email address you sign in with.');
    if (password.length === 0) return setProblem('Enter your password.');
    setProblem(null);
    try {
      const { data } = await login({ variables: { input: { email: email.trim(), password } } });
      const payload = data?.login;
      if (!payload) return;
      signIn({
        token: payload.token, expiresAt: payload.expiresAt, email: payload.user.email, role: payload.user.role,
        organizationId: payload.user.organization?.id ?? null,
      });
    } catch {
      // Shown by <ErrorMessage> from the mutation's error.
    }
  };

  return (
    <main className="sign-in">
      <form onSubmit={submit} className="card" aria-labelledby="sign-in-title" noValidate>
        <h1 id="sign-in-title">Hotspot admin</h1>
        {expired ? <Notice kind="warning">Your session ended. Sign in again.</Notice> : null}
        <Field label="Email">{(id) => <input id={id} name="email" type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}</Field>
        <Field label="Password">{(id) => <input id={id} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}</Field>
        {problem ? <div className="error" role="alert"><p>{problem}</p></div> : null}
        <ErrorMessage error={error} overrides={{ UNAUTHENTICATED: 'Wrong email or password.' }} />
        <button type="submit" className="primary" disabled={loading}>{loading ? 'Signing in…' : 'Sign in'}</button>
      </form>
    </main>
  );
}
