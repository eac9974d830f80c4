import { describe, expect, it } from 'vitest';
import { methodSwitch } from './paymentMethod';

describe('the active payment method switch', () => {
  it('offers only configured methods, and stopping only while one is active', () => {
    const fresh = methodSwitch('NOT_CONFIGURED', 'NOT_CONFIGURED');
    expect(fresh.map((c) => c.enabled)).toEqual([false, false, false]);
    expect(fresh[0].reason).toMatch(/settings first/);

    const mpesaActive = methodSwitch('ACTIVE', 'CONFIGURED');
    expect(mpesaActive.map((c) => [c.method, c.enabled])).toEqual([['MPESA', false], ['KOPOKOPO', true], [null, true]]);
    expect(mpesaActive[0].reason).toMatch(/already active/);

    expect(methodSwitch('CONFIGURED', 'CONFIGURED').map((c) => c.enabled)).toEqual([true, true, false]);
  });
});
