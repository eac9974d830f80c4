import { useEffect, useState } from 'react';
import { useQuery } from '@apollo/client/react';
import { VOUCHERS } from '../api/operations';
import { useWorkspace } from '../api/organizationContext';
import { ErrorMessage, Link, Loading } from '../components/ui';
import { formatDuration, formatKes } from '../lib/format';
import { loginUrl, qrPath } from '../lib/qr';
import { useLocation } from '../lib/routing';

/* eslint-disable @typescript-eslint/no-explicit-any */
const templateKey = 'hotspot.loginTemplate';
// MikroTik's hotspot accepts the voucher as user name and password on its login page (GET works when enabled).
export const defaultTemplate = 'http://hotspot.lan/login?username={code}&password={code}';

/** A batch as A4 sheets of cards (code, plan, price, QR code of the router's login address), printed by the browser. */
export function PrintVouchers() {
  const { organizationId } = useWorkspace();
  const batchId = useLocation().query.get('batch') ?? '';
  const [template, setTemplate] = useState(() => localStorage.getItem(templateKey) ?? defaultTemplate);
  const { data, loading, error, fetchMore } = useQuery(VOUCHERS, {
    variables: { organizationId, first: 50, where: { batchId: { eq: batchId } }, order: [{ code: 'ASC' }] },
    skip: !organizationId || !batchId,
  });
  const connection = data?.organization?.vouchers;
  const vouchers: any[] = connection?.edges?.map((e: any) => e.node) ?? [];

  // A batch holds up to 1000 vouchers, 50 per page: fetch the rest before printing.
  useEffect(() => {
    if (connection?.pageInfo?.hasNextPage && !loading)
      void fetchMore({ variables: { after: connection.pageInfo.endCursor } });
  }, [connection?.pageInfo?.hasNextPage, connection?.pageInfo?.endCursor, loading, fetchMore]);

  const complete = connection && !connection.pageInfo.hasNextPage;
  return (
    <div className="print-view">
      <div className="print-controls no-print">
        <Link to="/vouchers">← Vouchers</Link>
        <label><span>Login address on the QR code ({'{code}'} is the voucher)</span>
          <input value={template} onChange={(e) => { setTemplate(e.target.value); localStorage.setItem(templateKey, e.target.value); }} />
        </label>
        <button type="button" className="primary" disabled={!complete} onClick={() => window.print()}>Print {vouchers.length} vouchers</button>
      </div>
      <ErrorMessage error={error} />
      {!batchId ? <p>No batch chosen.</p> : loading && !data ? <Loading /> : null}
      <div className="sheet" data-testid="voucher-sheet">
        {vouchers.map((v) => <VoucherCard key={v.id} voucher={v} organization={data?.organization?.name ?? ''} template={template} />)}
      </div>
    </div>
  );
}

function VoucherCard({ voucher, organization, template }: { voucher: any; organization: string; template: string }) {
  const { size, path } = qrPath(loginUrl(template, voucher.code));
  return (
    <article className="voucher-card" data-testid="voucher-card">
      <header>{organization}</header>
      <div className="voucher-body">
        <div>
          <div className="voucher-plan">{voucher.plan.name}</div>
          <div className="voucher-price">{formatKes(voucher.plan.priceKes)}</div>
          <div className="voucher-duration">{formatDuration(Number(voucher.durationSeconds))}</div>
          <div className="voucher-code" data-testid="voucher-code">{voucher.code}</div>
        </div>
        <svg className="qr" viewBox={`0 0 ${size} ${size}`} role="img" aria-label={`QR code for ${voucher.code}`} shapeRendering="crispEdges">
          <rect width={size} height={size} fill="#fff" />
          <path d={path} fill="#000" />
        </svg>
      </div>
      <footer>Connect to the Wi-Fi, open any page and enter the code.</footer>
    </article>
  );
}
