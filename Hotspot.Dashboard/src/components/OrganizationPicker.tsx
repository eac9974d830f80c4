import { useQuery } from '@apollo/client/react';
import { ORGANIZATIONS } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';

/** Platform admins work on one organization at a time; the choice lasts for the browser tab. */
export function OrganizationPicker() {
  const { organizationId, chooseOrganization } = useWorkspace();
  const { data } = useQuery(ORGANIZATIONS);
  const organizations: { id: string; name: string }[] = data?.organizations ?? [];
  return (
    <select className="org-picker" aria-label="Organization" data-testid="organization-picker" value={organizationId ?? ''}
      onChange={(e) => chooseOrganization(e.target.value || null, organizations.find((o) => o.id === e.target.value)?.name ?? null)}>
      <option value="">Choose an organization…</option>
      {organizations.map((o) => <option key={o.id} value={o.id}>{o.name}</option>)}
    </select>
  );
}
