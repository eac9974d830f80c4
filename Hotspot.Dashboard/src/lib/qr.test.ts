import { describe, expect, it } from 'vitest';
import { loginUrl, qrPath } from './qr';

/** The dark modules back from the path (each `M{x} {y}h1v1h-1z`), without the quiet zone. */
function darkModules(path: string): Set<string> {
  const cells = new Set<string>();
  for (const match of path.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) cells.add(`${Number(match[1]) - 4},${Number(match[2]) - 4}`);
  return cells;
}

describe('voucher QR codes', () => {
  it('draws a QR symbol: a version size, three finder patterns and the timing pattern', () => {
    const { size, path } = qrPath(loginUrl('http://hotspot.lan/login?username={code}&password={code}', 'K7QX2M9PLA'));
    const count = size - 8;
    expect((count - 17) % 4, 'a symbol is 17 + 4 x version modules wide').toBe(0);
    const dark = darkModules(path);
    const isDark = (x: number, y: number) => dark.has(`${x},${y}`);
    for (const [ox, oy] of [[0, 0], [count - 7, 0], [0, count - 7]]) {
      for (let i = 0; i < 7; i++) {
        expect(isDark(ox + i, oy) && isDark(ox + i, oy + 6) && isDark(ox, oy + i) && isDark(ox + 6, oy + i)).toBe(true);
      }
      for (let i = 1; i < 6; i++) expect(isDark(ox + i, oy + 1)).toBe(false);
      expect(isDark(ox + 3, oy + 3)).toBe(true);
    }
    for (let i = 8; i < count - 8; i++) expect(isDark(i, 6)).toBe(i % 2 === 0);
  });

  it('puts the voucher code into the login address, escaped', () => {
    expect(loginUrl('http://hotspot.lan/login?username={code}&password={code}', 'AB 12')).toBe('http://hotspot.lan/login?username=AB%2012&password=AB%2012');
  });

  it('grows with the text it holds', () => {
    expect(qrPath('x'.repeat(200)).size).toBeGreaterThan(qrPath('x').size);
  });
});
