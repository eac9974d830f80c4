// The settings an operator pastes into a router and into FreeRADIUS for one registered router (README's
// "Routers and FreeRADIUS"). Secrets are placeholders: the dashboard never knows them.

export interface RouterSettings {
  name: string;
  nasIdentifier: string | null;
  ipAddress: string | null;
  attributeProfile: 'MIKROTIK' | 'STANDARD';
}

export function mikrotikCommands(router: RouterSettings, radiusServer: string): string {
  const lines: string[] = [];
  if (router.nasIdentifier) lines.push(`/system identity set name=${quoteRouterOs(router.nasIdentifier)}`);
  lines.push(`/radius add service=hotspot address=${radiusServer} secret=<HOTSPOT_RADIUS_CLIENT_SECRET> timeout=3s`);
  lines.push('/radius incoming set accept=yes');
  lines.push('/ip hotspot profile set [find default=yes] use-radius=yes radius-accounting=yes \\');
  lines.push('    radius-interim-update=received login-by=http-chap,http-pap,cookie,mac \\');
  lines.push('    mac-auth-mode=mac-as-username-and-password');
  return lines.join('\n');
}

/** A clients.conf entry for a router FreeRADIUS sees at a fixed address (not needed inside HOTSPOT_ROUTER_NETWORK). */
export function freeRadiusClient(router: RouterSettings): string {
  const name = router.name.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_|_$/g, '') || 'router';
  const address = router.ipAddress ?? '<the router\u2019s address as FreeRADIUS sees it>';
  return [
    `client ${name} {`,
    `\tipaddr = ${address}`,
    '\tsecret = $ENV{HOTSPOT_RADIUS_CLIENT_SECRET}',
    '\trequire_message_authenticator = no',
    `\tnas_type = ${router.attributeProfile === 'MIKROTIK' ? 'mikrotik' : 'other'}`,
    router.nasIdentifier ? `\t# NAS-Identifier sent by the router: ${router.nasIdentifier}` : '\t# matched by NAS-IP-Address only',
    '}',
  ].join('\n');
}

/** RouterOS quotes a value holding spaces or special characters. */
export function quoteRouterOs(value: string): string {
  return /^[A-Za-z0-9._-]+$/.test(value) ? value : `"${value.replace(/["\\$]/g, (c) => '\\' + c)}"`;
}
