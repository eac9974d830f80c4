import { describe, expect, it } from 'vitest';
import { dayRange, kopokopoFilter, mpesaFilter, purchaseFilter, voucherFilter } from './filters';

const noPurchaseFilter = { status: '', method: '', phone: '', receipt: '', from: '', to: '', minAmount: '' };

describe('filters as the API\u2019s where inputs', () => {
  it('sends no where at all when nothing is filtered', () => {
    expect(purchaseFilter(noPurchaseFilter)).toBeUndefined();
    expect(voucherFilter({ status: '', code: ' ', source: '', batchId: '' })).toBeUndefined();
  });

  it('sends one condition as itself and several under and', () => {
    expect(purchaseFilter({ ...noPurchaseFilter, status: 'PAID' })).toEqual({ status: { eq: 'PAID' } });
    expect(purchaseFilter({ ...noPurchaseFilter, status: 'PAID', method: 'MPESA', phone: '0708 374 149', minAmount: '50' })).toEqual({
      and: [{ status: { eq: 'PAID' } }, { paymentMethod: { eq: 'MPESA' } }, { phoneNumber: { contains: '708374149' } }, { amountKes: { gte: 50 } }],
    });
  });

  it('makes whole UTC days with an inclusive last day', () => {
    expect(dayRange('2026-11-01', '2026-11-30')).toEqual({ gte: '2026-11-01T00:00:00Z', lt: '2026-12-01T00:00:00.000Z' });
    expect(dayRange('', '')).toBeNull();
    expect(dayRange('yesterday', '')).toBeNull();
  });

  it('uses each provider\u2019s own field names', () => {
    const form = { status: 'NEEDS_REVIEW', kind: '', phone: '', reference: 'abc1', from: '', to: '' };
    expect(mpesaFilter(form)).toEqual({ and: [{ status: { eq: 'NEEDS_REVIEW' } }, { receiptNumber: { eq: 'ABC1' } }] });
    expect(kopokopoFilter({ ...form, kind: 'KOPOKOPO_BUYGOODS' })).toEqual({
      and: [{ status: { eq: 'NEEDS_REVIEW' } }, { type: { eq: 'KOPOKOPO_BUYGOODS' } }, { reference: { eq: 'abc1' } }],
    });
    expect(voucherFilter({ status: '', code: 'cafe', source: 'BATCH', batchId: '' })).toEqual({
      and: [{ source: { eq: 'BATCH' } }, { code: { startsWith: 'CAFE' } }],
    });
  });
});
