// The signed-in user's bearer token. Kept in sessionStorage (one browser tab, gone when it closes), never in
// localStorage or a cookie; a token past its expiry is treated as no token.

export type Role = 'PLATFORM_ADMIN' | 'ORGANIZATION_ADMIN' | 'ORGANIZATION_VIEWER';

export interface Session {
  token: string;
  expiresAt: string;
  email: string;
  role: Role;
  organizationId: string | null;
}

const key = 'hotspot.session';
type Listener = (session: Session | null) => void;
const listeners = new Set<Listener>();

export function isExpired(session: Session, now: Date = new Date()): boolean {
  const expiry = Date.parse(session.expiresAt);
  return Number.isNaN(expiry) || expiry <= now.getTime();
}

export function parseSession(text: string | null): Session | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<Session>;
    if (typeof value.token !== 'string' || typeof value.expiresAt !== 'string' || typeof value.email !== 'string'
      || typeof value.role !== 'string') return null;
    return {
      token: value.token, expiresAt: value.expiresAt, email: value.email, role: value.role as Role,
      organizationId: typeof value.organizationId === 'string' ? value.organizationId : null,
    };
  } catch {
    return null;
  }
}

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function currentSession(now: Date = new Date()): Session | null {
  const session = parseSession(storage()?.getItem(key) ?? null);
  if (session && isExpired(session, now)) {
    storage()?.removeItem(key);
    return null;
  }
  return session;
}

export function signIn(session: Session): void {
  storage()?.setItem(key, JSON.stringify(session));
  listeners.forEach((l) => l(session));
}

export function signOut(): void {
  storage()?.removeItem(key);
  listeners.forEach((l) => l(null));
}

export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Milliseconds until the session expires (never negative). */
export function msUntilExpiry(session: Session, now: Date = new Date()): number {
  return Math.max(0, Date.parse(session.expiresAt) - now.getTime());
}
