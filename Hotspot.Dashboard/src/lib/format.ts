// How amounts, durations, sizes and times are shown. Amounts are whole shillings (the API's Long), never fractions.

export function formatKes(amount: number | string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '\u2014';
  const value = typeof amount === 'string' ? Number(amount) : amount;
  if (!Number.isFinite(value)) return '\u2014';
  return `KES ${Math.trunc(value).toLocaleString('en-KE')}`;
}

const units: [number, string][] = [[604800, 'week'], [86400, 'day'], [3600, 'hour'], [60, 'minute']];

/** 3600 → "1 hour", 5400 → "1 hour 30 minutes", 45 → "45 seconds". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds <= 0) return '\u2014';
  const parts: string[] = [];
  let rest = Math.trunc(seconds);
  for (const [size, name] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) {
      parts.push(`${n} ${name}${n === 1 ? '' : 's'}`);
      rest -= n * size;
    }
    if (parts.length === 2) break;
  }
  if (parts.length === 0) return `${rest} second${rest === 1 ? '' : 's'}`;
  return parts.join(' ');
}

export function formatBytes(bytes: number | null | undefined): string {
  if (bytes === null || bytes === undefined) return 'unlimited';
  if (bytes < 1024) return `${bytes} B`;
  const names = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let i = 0;
  while (value >= 1024 && i < names.length - 1) {
    value /= 1024;
    i++;
  }
  return `${value >= 10 ? Math.round(value) : Math.round(value * 10) / 10} ${names[i]}`;
}

export function formatTime(iso: string | null | undefined): string {
  if (!iso) return '\u2014';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return '\u2014';
  return date.toLocaleString('en-GB', { day: '2-digit', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** Midnight UTC of the day `date` falls on, as the API's revenue days are counted. */
export function utcDay(date: Date): Date {
  return new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * 86400000);
}

/** "2026-11-23" for an input[type=date]. */
export function isoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** Plan durations are entered as a number and a unit. */
export const durationUnits = { minutes: 60, hours: 3600, days: 86400, weeks: 604800 } as const;
export type DurationUnit = keyof typeof durationUnits;

export function splitDuration(seconds: number): { amount: number; unit: DurationUnit } {
  for (const unit of ['weeks', 'days', 'hours'] as const)
    if (seconds % durationUnits[unit] === 0) return { amount: seconds / durationUnits[unit], unit };
  return { amount: Math.round(seconds / 60), unit: 'minutes' };
}

export function paidPurchases(count: number): string {
  return `${count} paid purchase${count === 1 ? '' : 's'}`;
}
