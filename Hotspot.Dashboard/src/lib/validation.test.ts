import { describe, expect, it } from 'vitest';
import { batchProblem, isIpAddress, kenyanPhone, planInput, routerProblem, userProblem } from './validation';

const plan = { name: '1 day', priceKes: '50', durationAmount: '1', durationUnit: 'days' as const, dataCapMb: '', uploadRateKbps: '', downloadRateKbps: '', maxDevices: '2' };

describe('form rules (as the API checks them)', () => {
  it('turns a plan form into the API input in seconds and bytes', () => {
    expect(planInput(plan)).toEqual({ input: { name: '1 day', priceKes: 50, durationSeconds: 86400, dataCapBytes: null, uploadRateKbps: null, downloadRateKbps: null, maxDevices: 2 } });
    const capped = planInput({ ...plan, dataCapMb: '500', uploadRateKbps: '512', downloadRateKbps: '2048' });
    expect('input' in capped && capped.input.dataCapBytes).toBe(500 * 1048576);
  });

  it('refuses what the API would refuse', () => {
    expect(planInput({ ...plan, name: ' ' })).toEqual({ problem: expect.stringMatching(/name/) });
    expect(planInput({ ...plan, priceKes: '12.5' })).toEqual({ problem: expect.stringMatching(/whole number/) });
    expect(planInput({ ...plan, priceKes: '250001' })).toEqual({ problem: expect.stringMatching(/250000/) });
    expect(planInput({ ...plan, maxDevices: '0' })).toEqual({ problem: expect.stringMatching(/Devices/) });
    expect(planInput({ ...plan, dataCapMb: '-1' })).toEqual({ problem: expect.stringMatching(/data cap/) });
    expect(userProblem('someone@isp.co.ke', 'short')).toMatch(/12 characters/);
    expect(userProblem('not-an-email', 'long enough password')).toMatch(/email/);
    expect(userProblem('someone@isp.co.ke', 'long enough password')).toBeNull();
  });

  it('allows batches of 1 to 1000 with a prefix of up to 6 letters or digits', () => {
    expect(batchProblem('10', '')).toBeNull();
    expect(batchProblem('1001', '')).toMatch(/1000/);
    expect(batchProblem('10', 'CAFE-1')).toMatch(/prefix/);
    expect(batchProblem('10', 'CAFE12X')).toMatch(/prefix/);
  });

  it('reads Kenyan numbers in the formats the portal accepts', () => {
    expect(kenyanPhone('0708 374 149')).toBe('254708374149');
    expect(kenyanPhone('+254 110 000 000')).toBe('254110000000');
    expect(kenyanPhone('0812 345 678')).toBeNull();
  });

  it('needs a router name and an identifier or address', () => {
    expect(routerProblem('Shop A', '', '')).toMatch(/NAS identifier/);
    expect(routerProblem('Shop A', 'shop-a', '')).toBeNull();
    expect(routerProblem('Shop A', '', '10.8.0.300')).toMatch(/IP address/);
    expect(isIpAddress('10.8.0.2')).toBe(true);
    expect(isIpAddress('fd00::2')).toBe(true);
    expect(isIpAddress('shop-a')).toBe(false);
  });
});
