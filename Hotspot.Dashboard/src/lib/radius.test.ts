import { describe, expect, it } from 'vitest';
import { freeRadiusClient, mikrotikCommands, quoteRouterOs } from './radius';

describe('RADIUS settings to paste', () => {
  it('sets the MikroTik identity to the registered NAS identifier and points it at FreeRADIUS', () => {
    const commands = mikrotikCommands({ name: 'Shop A', nasIdentifier: 'shop-a', ipAddress: null, attributeProfile: 'MIKROTIK' }, '10.8.0.1');
    expect(commands.split('\n')[0]).toBe('/system identity set name=shop-a');
    expect(commands).toContain('/radius add service=hotspot address=10.8.0.1 secret=<HOTSPOT_RADIUS_CLIENT_SECRET>');
    expect(commands).toContain('use-radius=yes radius-accounting=yes');
  });

  it('leaves the identity alone for a router matched by address, and writes its clients.conf entry', () => {
    const router = { name: 'Mall / Level 2', nasIdentifier: null, ipAddress: '10.8.0.7', attributeProfile: 'STANDARD' as const };
    expect(mikrotikCommands(router, '10.8.0.1')).not.toContain('/system identity');
    const client = freeRadiusClient(router);
    expect(client).toMatch(/^client mall_level_2 \{/);
    expect(client).toContain('ipaddr = 10.8.0.7');
    expect(client).toContain('nas_type = other');
  });

  it('quotes RouterOS values that need it', () => {
    expect(quoteRouterOs('shop-a')).toBe('shop-a');
    expect(quoteRouterOs('Shop "A" $1')).toBe('"Shop \\"A\\" \\$1"');
  });
});
