import { beforeEach, describe, expect, it } from 'vitest';
import { currentSession, isExpired, msUntilExpiry, onSessionChange, parseSession, signIn, signOut, type Session } from './session';

class MemoryStorage {
  private values = new Map<string, string>();
  getItem(key: string) { return this.values.get(key) ?? null; }
  setItem(key: string, value: string) { this.values.set(key, value); }
  removeItem(key: string) { this.values.delete(key); }
}

const session = (expiresAt: string): Session => ({ token: 't0k3n', expiresAt, email: 'a@b.c', role: 'ORGANIZATION_ADMIN', organizationId: 'org-1' });

describe('session', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage();
  });

  it('keeps a signed-in session until it expires', () => {
    signIn(session('2030-01-01T00:00:00Z'));
    expect(currentSession(new Date('2029-12-31T23:59:59Z'))?.token).toBe('t0k3n');
    expect(currentSession(new Date('2030-01-01T00:00:00Z'))).toBeNull();
    expect(currentSession(new Date('2029-01-01T00:00:00Z')), 'an expired session is removed, not kept for later').toBeNull();
  });

  it('tells listeners about sign-in and sign-out, and forgets the token', () => {
    const seen: (string | null)[] = [];
    const stop = onSessionChange((s) => seen.push(s?.email ?? null));
    signIn(session('2030-01-01T00:00:00Z'));
    signOut();
    stop();
    signIn(session('2030-01-01T00:00:00Z'));
    expect(seen).toEqual(['a@b.c', null]);
    signOut();
    expect(currentSession(new Date('2029-01-01T00:00:00Z'))).toBeNull();
  });

  it('treats unreadable or incomplete stored values as no session', () => {
    expect(parseSession('not json')).toBeNull();
    expect(parseSession('{"token":"x"}')).toBeNull();
    expect(parseSession(null)).toBeNull();
    expect(parseSession(JSON.stringify({ ...session('2030-01-01T00:00:00Z'), organizationId: 5 }))?.organizationId).toBeNull();
  });

  it('measures the time left and treats an unparseable expiry as expired', () => {
    expect(msUntilExpiry(session('2030-01-01T00:00:10Z'), new Date('2030-01-01T00:00:00Z'))).toBe(10000);
    expect(msUntilExpiry(session('2029-01-01T00:00:00Z'), new Date('2030-01-01T00:00:00Z'))).toBe(0);
    expect(isExpired(session('soon'))).toBe(true);
  });
});
