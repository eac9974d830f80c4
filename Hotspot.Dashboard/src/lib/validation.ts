// The API's input rules, checked before sending so the form can say what is wrong next to it. The API checks again.

export function userProblem(email: string, password: string): string | null {
  if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) return 'Enter a valid email address.';
  if (password.length < 12) return 'The password needs at least 12 characters.';
  return null;
}

export interface PlanForm {
  name: string;
  priceKes: string;
  durationAmount: string;
  durationUnit: 'minutes' | 'hours' | 'days' | 'weeks';
  dataCapMb: string;
  uploadRateKbps: string;
  downloadRateKbps: string;
  maxDevices: string;
}

const unitSeconds = { minutes: 60, hours: 3600, days: 86400, weeks: 604800 };

function wholeNumber(text: string): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return Number.isSafeInteger(n) ? n : null;
}

/** The plan form as the API's CreatePlanInput/UpdatePlanInput, or the first problem found. */
export function planInput(form: PlanForm): { input: Record<string, unknown> } | { problem: string } {
  const name = form.name.trim();
  if (name.length === 0) return { problem: 'Give the plan a name.' };
  if (name.length > 100) return { problem: 'Use at most 100 characters for the name.' };
  const price = wholeNumber(form.priceKes);
  if (price === null || price < 1 || price > 250000) return { problem: 'The price is a whole number of shillings from 1 to 250000.' };
  const amount = wholeNumber(form.durationAmount);
  if (amount === null || amount < 1) return { problem: 'The duration is a whole number, at least 1.' };
  const optional = (text: string, label: string): number | null | string => {
    if (text.trim() === '') return null;
    const n = wholeNumber(text);
    return n === null || n < 1 ? `${label} is a whole number, at least 1, or empty for none.` : n;
  };
  const cap = optional(form.dataCapMb, 'The data cap');
  if (typeof cap === 'string') return { problem: cap };
  const up = optional(form.uploadRateKbps, 'The upload rate');
  if (typeof up === 'string') return { problem: up };
  const down = optional(form.downloadRateKbps, 'The download rate');
  if (typeof down === 'string') return { problem: down };
  const devices = wholeNumber(form.maxDevices);
  if (devices === null || devices < 1 || devices > 100) return { problem: 'Devices per voucher is a whole number from 1 to 100.' };
  return {
    input: {
      name, priceKes: price, durationSeconds: amount * unitSeconds[form.durationUnit],
      dataCapBytes: cap === null ? null : cap * 1024 * 1024, uploadRateKbps: up, downloadRateKbps: down, maxDevices: devices,
    },
  };
}

/** A voucher batch: 1 to 1000 codes, an optional prefix of letters and digits. */
export function batchProblem(count: string, prefix: string): string | null {
  const n = wholeNumber(count);
  if (n === null || n < 1 || n > 1000) return 'Generate 1 to 1000 vouchers at a time.';
  if (prefix !== '' && !/^[A-Za-z0-9]{1,6}$/.test(prefix)) return 'The prefix is 1 to 6 letters or digits.';
  return null;
}

/** A Kenyan mobile number as the API accepts it: 07XXXXXXXX, 01XXXXXXXX, 2547XXXXXXXX, 2541XXXXXXXX or +254…. */
export function kenyanPhone(text: string): string | null {
  const digits = text.replace(/[\s-]/g, '').replace(/^\+/, '');
  if (/^0[17]\d{8}$/.test(digits)) return '254' + digits.slice(1);
  if (/^254[17]\d{8}$/.test(digits)) return digits;
  return null;
}

export function routerProblem(name: string, nasIdentifier: string, ipAddress: string): string | null {
  if (name.trim().length < 1 || name.trim().length > 100) return 'The name is 1 to 100 characters.';
  if (nasIdentifier.trim() === '' && ipAddress.trim() === '') return 'Give the NAS identifier, the IP address, or both.';
  if (ipAddress.trim() !== '' && !isIpAddress(ipAddress.trim())) return 'The IP address is not an IPv4 or IPv6 address.';
  return null;
}

export function isIpAddress(text: string): boolean {
  const v4 = text.split('.');
  if (v4.length === 4 && v4.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255)) return true;
  return text.includes(':') && /^[0-9A-Fa-f:.]+$/.test(text) && text.split('::').length <= 2;
}
