// Gateways as the ends of a trace (SPEC section 2): they have no address of their own, so they
// stand for what lies beyond them — an internet host through an IGW, an on-premises host behind a
// VGW, customer gateway, VPN or Direct Connect resource.
import {describe, expect, it} from 'vitest';
import {prepare, trace, TraceInputError} from '../../source/engine/index.js';
import {loadTemplate} from '../../source/model/templates.js';

describe('gateways as trace ends', () => {
	const basic = prepare(loadTemplate('basic-public-private'));
	const vpn = prepare(loadTemplate('site-to-site-vpn'));
	const dx = prepare(loadTemplate('direct-connect'));

	it('an internet gateway as the source is an internet host reaching a public instance through it', () => {
		const viaRef = trace(basic, {from: 'igw-main', to: 'web-1', port: 443});
		const viaAddress = trace(basic, {from: viaRef.packet.source, to: 'web-1', port: 443});
		expect(viaRef.forward[0]!.type).toBe('internet');
		expect(viaRef.reachable).toBe(true);
		expect(viaRef).toEqual(viaAddress);
	});

	it('an internet gateway as the destination is an internet host: reachable through the NAT, blocked without a public IP', () => {
		const app = trace(basic, {from: 'app-1', to: 'igw-main', port: 443});
		expect(app.reachable).toBe(true);
		expect(app.forward.map(hop => hop.component)).toContain('nat-a');
		expect(app.forward.at(-1)!.type).toBe('internet');
	});

	it('a VGW, customer gateway or VPN connection as the destination is a host in the site behind it', () => {
		const byVgw = trace(vpn, {from: 'app-1', to: 'vgw-main', port: 22});
		const byCgw = trace(vpn, {from: 'app-1', to: 'cgw-office', port: 22});
		const bySite = trace(vpn, {from: 'app-1', to: 'site-office', port: 22});
		expect(byCgw.packet.destination).toBe(bySite.packet.destination);
		expect(byCgw.reachable).toBe(bySite.reachable);
		expect(byVgw.forward.map(hop => hop.component)).toContain('vgw-main');
	});

	it('a Direct Connect connection as the source is a host in the data centre behind it', () => {
		const fromDx = trace(dx, {from: 'dxcon-1', to: 'prod-app-1', port: 443});
		const fromSite = trace(dx, {from: 'site-datacenter', to: 'prod-app-1', port: 443});
		expect(fromDx).toEqual(fromSite);
	});

	it('refuses gateways that stand for nothing a packet can come from, saying why', () => {
		expect(() => trace(basic, {from: 'nat-a', to: 'web-1', port: 443})).toThrow(TraceInputError);
		expect(() => trace(basic, {from: 'nat-a', to: 'web-1', port: 443})).toThrow(/^source \(from\): "nat-a" is a nat-gateway, which does not start connections/);
		expect(() => trace(basic, {from: 'web-1', to: 'rtb-public', port: 443})).toThrow(/^destination \(to\): "rtb-public" is a route-table, which has no address of its own/);
	});
});
