// The shape of the generated `large` topology (SPEC section 7): how many of each resource, and
// the address plan that keeps every block apart. Kept apart from the builders so that tests and
// the benchmark can state the expected counts without generating anything.

/** 10.0.0.0/8 holds one /16 per VPC, so a topology has at most 250 VPCs (scale 1.25). */
export const MAX_VPCS = 250;

export type LargeCounts = {
	vpcs: number;
	subnets: number;
	instances: number;
	/** Explicit routes across all VPC route tables (the implicit local routes are not counted). */
	routes: number;
	securityGroupRules: number;
	/** One VPC attachment per VPC on the one transit gateway. */
	tgwVpcAttachments: number;
	/** On-premises sites behind site-to-site VPNs to the transit gateway. */
	tgwVpnSites: number;
};

/**
 * Scale picks the number of VPCs; every other count is per VPC, so each shrinks in proportion.
 * At scale 1: 200 VPCs, 2,000 subnets, 10,000 instances, 20,000 routes, 5,000 SG rules.
 */
export function largeCounts(scale = 1): LargeCounts {
	if (!(scale > 0)) throw new Error(`scale must be a positive number, not ${scale}`);
	const vpcs = Math.max(2, Math.round(200 * scale));
	if (vpcs > MAX_VPCS) throw new Error(`scale ${scale} asks for ${vpcs} VPCs; at most ${MAX_VPCS} fit the address plan`);
	return {
		vpcs,
		subnets: vpcs * SUBNETS_PER_VPC,
		instances: vpcs * INSTANCES_PER_VPC,
		routes: vpcs * ROUTES_PER_VPC,
		securityGroupRules: vpcs * SG_RULES_PER_VPC,
		tgwVpcAttachments: vpcs,
		// At least two, so that both BGP and static VPNs exist at every scale.
		tgwVpnSites: Math.min(10, Math.max(2, Math.round(vpcs / 25))),
	};
}

export const SUBNETS_PER_VPC = 10;
export const INSTANCES_PER_VPC = 50;
export const ROUTES_PER_VPC = 100;
export const SG_RULES_PER_VPC = 25;

export const REGION = 'us-east-1';
export const ACCOUNT_ID = '111122223333';
export const AZS = ['us-east-1a', 'us-east-1b', 'us-east-1c'] as const;

export type Segment = 'shared' | 'prod' | 'dev';
export type SubnetRole = 'public' | 'app' | 'data' | 'isolated';

/** Every tenth VPC holds shared services; the rest alternate between prod and dev. */
export function segmentOf(vpcIndex: number): Segment {
	if (vpcIndex % 10 === 0) return 'shared';
	return vpcIndex % 2 === 0 ? 'prod' : 'dev';
}

/** VPCs with a virtual private gateway: a branch VPN and a private VIF through a DX gateway. */
export const hasVgw = (vpcIndex: number): boolean => vpcIndex % 10 === 1;
/** VPCs with a secondary block in 100.64.0.0/10, which holds their last two subnets. */
export const hasSecondary = (vpcIndex: number): boolean => vpcIndex % 4 === 1;

/** Subnet k of a VPC: three public, three app, three data (one per AZ) and one isolated. */
export function subnetRole(k: number): SubnetRole {
	if (k < 3) return 'public';
	if (k < 6) return 'app';
	if (k < 9) return 'data';
	return 'isolated';
}

/** Instances per subnet by role: 3 x 4 web, 3 x 8 app, 3 x 4 db, 2 isolated = 50. */
export const instancesPerSubnet: Record<SubnetRole, number> = {public: 4, app: 8, data: 4, isolated: 2};

export const ip = (a: number, b: number, c: number, d: number): string => `${a}.${b}.${c}.${d}`;

export function primaryBlock(vpcIndex: number): string {
	return `10.${vpcIndex}.0.0/16`;
}

/** A /20 per VPC inside 100.64.0.0/10 (1,024 of them), numbered by VPC so they never overlap. */
export function secondaryBlock(vpcIndex: number): string {
	const base = 100 * 2 ** 24 + 64 * 2 ** 16 + vpcIndex * 4096;
	return `${ip(base >>> 24, (base >>> 16) & 255, (base >>> 8) & 255, 0)}/20`;
}

/** The third and fourth octets' prefix of subnet k, e.g. `10.7.3` or `100.64.20`. */
export function subnetPrefix(vpcIndex: number, k: number): string {
	if (hasSecondary(vpcIndex) && k >= 8) {
		const third = ((vpcIndex * 4096) >>> 8) + (k - 8);
		return `100.${64 + (third >>> 8)}.${third & 255}`;
	}
	return `10.${vpcIndex}.${k}`;
}

// On-premises address plan, all outside the VPC blocks:
// - sites behind VPNs to the transit gateway: 192.168.(16 t).0/20;
// - branch offices behind VPNs to a VGW: 172.16.0.0/13, one /20 each;
// - the data centre behind Direct Connect: 172.24.0.0/14 (transit VIF), 172.28.0.0/16 (private VIF);
// - partner networks reached through the first VPN: 198.18.0.0/15.
export const tgwSiteBlock = (t: number): string => `192.168.${t * 16}.0/20`;
export function branchBlock(g: number): string {
	const third = g * 16;
	return `172.${16 + (third >>> 8)}.${third & 255}.0/20`;
}
export const DX_TRANSIT_BLOCK = '172.24.0.0/14';
export const DX_PRIVATE_BLOCK = '172.28.0.0/16';
export const PARTNER_BLOCK = '198.18.0.0/15';
