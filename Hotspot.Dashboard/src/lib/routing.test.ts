import { describe, expect, it } from 'vitest';
import { href, parseLocation } from './routing';

describe('routes under /admin', () => {
  it('reads the screen and its query from the address', () => {
    expect(parseLocation('/admin/', '').path).toBe('/');
    expect(parseLocation('/admin', '').path).toBe('/');
    expect(parseLocation('/admin/plans/', '').path).toBe('/plans');
    const print = parseLocation('/admin/vouchers/print', '?batch=b-1');
    expect([print.path, print.query.get('batch')]).toEqual(['/vouchers/print', 'b-1']);
  });

  it('makes links under /admin', () => {
    expect(href('/plans')).toBe('/admin/plans');
    expect(href('vouchers/print?batch=1')).toBe('/admin/vouchers/print?batch=1');
  });
});
