import { createContext, useContext } from 'react';
import type { Session } from './session';

// The organization the screens work on: the user's own, or the one a platform admin chose.
export interface Workspace {
  session: Session;
  organizationId: string | null;
  organizationName: string | null;
  chooseOrganization: (id: string | null, name?: string | null) => void;
  canChange: boolean;
}

export const WorkspaceContext = createContext<Workspace | null>(null);

export function useWorkspace(): Workspace {
  const workspace = useContext(WorkspaceContext);
  if (!workspace) throw new Error('useWorkspace outside the signed-in app');
  return workspace;
}

const chosenKey = 'hotspot.organization';

export function rememberedOrganization(): { id: string; name: string } | null {
  try {
    const text = sessionStorage.getItem(chosenKey);
    return text ? JSON.parse(text) : null;
  } catch {
    return null;
  }
}

export function rememberOrganization(id: string | null, name: string | null): void {
  try {
    if (id) sessionStorage.setItem(chosenKey, JSON.stringify({ id, name }));
    else sessionStorage.removeItem(chosenKey);
  } catch {
    // Storage refused (private mode): the choice lasts until reload.
  }
}
