import { addDays, utcDay } from './format';

export interface DailyRevenue {
  day: string;
  amountKes: number;
  purchaseCount: number;
}

/** Every UTC day in [from, to), with the API's rows filled in and empty days as zero, so the chart has no gaps. */
export function fillDays(rows: DailyRevenue[], from: Date, to: Date): DailyRevenue[] {
  const byDay = new Map(rows.map((r) => [utcDay(new Date(r.day)).getTime(), r]));
  const days: DailyRevenue[] = [];
  for (let day = utcDay(from); day < to; day = addDays(day, 1)) {
    const row = byDay.get(day.getTime());
    days.push({ day: day.toISOString(), amountKes: Number(row?.amountKes ?? 0), purchaseCount: row?.purchaseCount ?? 0 });
  }
  return days;
}

export function totals(rows: DailyRevenue[]): { amountKes: number; purchaseCount: number } {
  return rows.reduce((sum, r) => ({ amountKes: sum.amountKes + Number(r.amountKes), purchaseCount: sum.purchaseCount + r.purchaseCount }),
    { amountKes: 0, purchaseCount: 0 });
}

/** A round upper bound for the chart's axis: 1, 2 or 5 times a power of ten. */
export function niceCeiling(value: number): number {
  if (value <= 0) return 10;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return 10 * power;
}

/** The API accepts at most 366 days per request. */
export const maxRangeDays = 366;

export function rangeProblem(from: Date, to: Date): string | null {
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return 'Choose both dates.';
  if (to <= from) return 'The end must be after the start.';
  if ((to.getTime() - from.getTime()) / 86400000 > maxRangeDays) return `Choose at most ${maxRangeDays} days.`;
  return null;
}
