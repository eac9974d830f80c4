import { describe, expect, it } from 'vitest';
import { fillDays, niceCeiling, rangeProblem, totals } from './revenue';

describe('revenue', () => {
  it('fills the days the API has no row for with zero, in order', () => {
    const days = fillDays([{ day: '2026-11-02T00:00:00Z', amountKes: 50, purchaseCount: 2 }],
      new Date('2026-11-01T00:00:00Z'), new Date('2026-11-04T00:00:00Z'));
    expect(days.map((d) => [d.day.slice(0, 10), d.amountKes])).toEqual([['2026-11-01', 0], ['2026-11-02', 50], ['2026-11-03', 0]]);
    expect(totals(days)).toEqual({ amountKes: 50, purchaseCount: 2 });
  });

  it('rounds the axis up to 1, 2 or 5 times a power of ten', () => {
    expect(niceCeiling(0)).toBe(10);
    expect(niceCeiling(130)).toBe(200);
    expect(niceCeiling(4100)).toBe(5000);
    expect(niceCeiling(1000)).toBe(1000);
  });

  it('refuses ranges the API refuses', () => {
    expect(rangeProblem(new Date('2026-01-02'), new Date('2026-01-01'))).toMatch(/after/);
    expect(rangeProblem(new Date('2025-01-01'), new Date('2026-01-03'))).toMatch(/366/);
    expect(rangeProblem(new Date('2025-01-01'), new Date('2026-01-01'))).toBeNull();
  });
});
