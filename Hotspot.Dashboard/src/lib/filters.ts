// The screens' filter forms turned into the API's HotChocolate-style `where` inputs. Empty fields add nothing;
// no conditions at all is `undefined` (no `where`), not an empty object.

type Where = Record<string, unknown> | undefined;

function combine(conditions: Record<string, unknown>[]): Where {
  if (conditions.length === 0) return undefined;
  if (conditions.length === 1) return conditions[0];
  return { and: conditions };
}

export interface VoucherFilterForm {
  status: string;
  code: string;
  source: string;
  batchId: string;
}

export function voucherFilter(form: VoucherFilterForm): Where {
  const c: Record<string, unknown>[] = [];
  if (form.status) c.push({ status: { eq: form.status } });
  if (form.source) c.push({ source: { eq: form.source } });
  if (form.code.trim()) c.push({ code: { startsWith: form.code.trim().toUpperCase() } });
  if (form.batchId.trim()) c.push({ batchId: { eq: form.batchId.trim() } });
  return combine(c);
}

export interface PurchaseFilterForm {
  status: string;
  method: string;
  phone: string;
  receipt: string;
  from: string;
  to: string;
  minAmount: string;
}

/** Dates are whole UTC days: `from` inclusive, `to` inclusive (sent as the next midnight, exclusive). */
export function purchaseFilter(form: PurchaseFilterForm): Where {
  const c: Record<string, unknown>[] = [];
  if (form.status) c.push({ status: { eq: form.status } });
  if (form.method) c.push({ paymentMethod: { eq: form.method } });
  if (form.phone.trim()) c.push({ phoneNumber: { contains: form.phone.replace(/\D/g, '').replace(/^0/, '') } });
  if (form.receipt.trim()) c.push({ providerReceipt: { eq: form.receipt.trim().toUpperCase() } });
  if (/^\d+$/.test(form.minAmount.trim())) c.push({ amountKes: { gte: Number(form.minAmount.trim()) } });
  const range = dayRange(form.from, form.to);
  if (range) c.push({ createdAt: range });
  return combine(c);
}

export function dayRange(from: string, to: string): Record<string, string> | null {
  const range: Record<string, string> = {};
  if (/^\d{4}-\d{2}-\d{2}$/.test(from)) range.gte = `${from}T00:00:00Z`;
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) range.lt = new Date(Date.parse(`${to}T00:00:00Z`) + 86400000).toISOString();
  return Object.keys(range).length ? range : null;
}

export interface TransactionFilterForm {
  status: string;
  kind: string;
  phone: string;
  reference: string;
  from: string;
  to: string;
}

export function mpesaFilter(form: TransactionFilterForm): Where {
  const c: Record<string, unknown>[] = [];
  if (form.status) c.push({ status: { eq: form.status } });
  if (form.kind) c.push({ kind: { eq: form.kind } });
  if (form.phone.trim()) c.push({ phoneNumber: { contains: form.phone.replace(/\D/g, '').replace(/^0/, '') } });
  if (form.reference.trim()) c.push({ receiptNumber: { eq: form.reference.trim().toUpperCase() } });
  const range = dayRange(form.from, form.to);
  if (range) c.push({ receivedAt: range });
  return combine(c);
}

export function kopokopoFilter(form: TransactionFilterForm): Where {
  const c: Record<string, unknown>[] = [];
  if (form.status) c.push({ status: { eq: form.status } });
  if (form.kind) c.push({ type: { eq: form.kind } });
  if (form.phone.trim()) c.push({ phoneNumber: { contains: form.phone.replace(/\D/g, '').replace(/^0/, '') } });
  if (form.reference.trim()) c.push({ reference: { eq: form.reference.trim() } });
  const range = dayRange(form.from, form.to);
  if (range) c.push({ receivedAt: range });
  return combine(c);
}
