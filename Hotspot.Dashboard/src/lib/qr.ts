import qrcode from 'qrcode-generator';

/**
 * The QR code of `text` as one SVG path (dark modules as unit squares), with a quiet zone of 4 modules: no canvas,
 * no data URL, nothing inline that a strict Content-Security-Policy would refuse.
 */
export function qrPath(text: string): { size: number; path: string } {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  const count = qr.getModuleCount();
  const quiet = 4;
  let path = '';
  for (let row = 0; row < count; row++) {
    for (let col = 0; col < count; col++) {
      if (qr.isDark(row, col)) path += `M${col + quiet} ${row + quiet}h1v1h-1z`;
    }
  }
  return { size: count + quiet * 2, path };
}

/** The login address printed on a card: the template with `{code}` replaced by the voucher's code. */
export function loginUrl(template: string, code: string): string {
  return template.split('{code}').join(encodeURIComponent(code));
}
