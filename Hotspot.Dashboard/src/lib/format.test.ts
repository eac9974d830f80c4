import { describe, expect, it } from 'vitest';
import { formatBytes, formatDuration, formatKes, splitDuration } from './format';

describe('formatting', () => {
  it('shows whole shillings with separators and never a fraction', () => {
    expect(formatKes(250000)).toBe('KES 250,000');
    expect(formatKes('20')).toBe('KES 20');
    expect(formatKes(null)).toBe('\u2014');
  });

  it('names durations in the two largest units', () => {
    expect(formatDuration(3600)).toBe('1 hour');
    expect(formatDuration(5400)).toBe('1 hour 30 minutes');
    expect(formatDuration(8 * 86400)).toBe('1 week 1 day');
    expect(formatDuration(45)).toBe('45 seconds');
  });

  it('splits a plan duration into the largest whole unit for editing', () => {
    expect(splitDuration(7200)).toEqual({ amount: 2, unit: 'hours' });
    expect(splitDuration(1209600)).toEqual({ amount: 2, unit: 'weeks' });
    expect(splitDuration(5400)).toEqual({ amount: 90, unit: 'minutes' });
  });

  it('shows sizes in binary units and no cap as unlimited', () => {
    expect(formatBytes(null)).toBe('unlimited');
    expect(formatBytes(1536)).toBe('1.5 KB');
    expect(formatBytes(5 * 1024 ** 3)).toBe('5 GB');
  });
});
