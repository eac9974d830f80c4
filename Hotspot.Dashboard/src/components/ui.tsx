import { type ReactNode, type MouseEvent, useId } from 'react';
import { describeError } from '../api/errors';
import { href, navigate } from '../lib/routing';

export function Link({ to, children, className, testId }: { to: string; children: ReactNode; className?: string; testId?: string }) {
  const onClick = (e: MouseEvent<HTMLAnchorElement>) => {
    if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  return <a href={href(to)} onClick={onClick} className={className} data-testid={testId}>{children}</a>;
}

/** The API's errors as readable sentences (extensions.code → text). */
export function ErrorMessage({ error, overrides }: { error: unknown; overrides?: Record<string, string> }) {
  const problems = describeError(error).map((p) => (p.code && overrides?.[p.code] ? { ...p, message: overrides[p.code] } : p));
  if (problems.length === 0) return null;
  return (
    <div className="error" role="alert">
      {problems.map((p, i) => <p key={i}>{p.message}</p>)}
    </div>
  );
}

export function Notice({ children, kind = 'info' }: { children: ReactNode; kind?: 'info' | 'success' | 'warning' }) {
  return <div className={`notice ${kind}`} role="status">{children}</div>;
}

export function Field({ label, hint, children }: { label: string; hint?: ReactNode; children: (id: string) => ReactNode }) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id)}
      {hint ? <small className="hint">{hint}</small> : null}
    </div>
  );
}

export function Page({ title, actions, children }: { title: string; actions?: ReactNode; children: ReactNode }) {
  return (
    <section className="page">
      <header className="page-header">
        <h1>{title}</h1>
        {actions ? <div className="page-actions">{actions}</div> : null}
      </header>
      {children}
    </section>
  );
}

export function Badge({ value }: { value: string | null | undefined }) {
  if (!value) return <span className="badge">none</span>;
  return <span className={`badge badge-${value.toLowerCase()}`}>{value.replace(/_/g, ' ')}</span>;
}

export function Loading() {
  return <p className="loading">Loading…</p>;
}

/** Relay paging: the rows so far and a button for the next page (fetchMore merges pages by cursor in the cache). */
export function MoreButton({ pageInfo, loading, onMore, shown, total }: {
  pageInfo?: { hasNextPage: boolean; endCursor: string | null }; loading: boolean; onMore: (after: string) => void;
  shown: number; total?: number;
}) {
  return (
    <div className="paging">
      <span>{total !== undefined ? `${shown} of ${total}` : `${shown} shown`}</span>
      {pageInfo?.hasNextPage && pageInfo.endCursor
        ? <button type="button" disabled={loading} onClick={() => onMore(pageInfo.endCursor!)}>Load more</button>
        : null}
    </div>
  );
}
