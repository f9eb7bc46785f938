// Finds and reads the describe-* files of a snapshot in the layouts Batfish reads: `<dir>/aws_configs/`
// or `<dir>` itself, holding JSON files directly, `<region>/` folders, or `accounts/<account>/<region>/`.
// A file is recognised by its top-level key, never by its name.
import {existsSync, readdirSync, readFileSync, statSync} from 'node:fs';
import {join, relative} from 'node:path';
import {decodeText, parseJson} from '../../store/json.js';
import {ImportError} from './reader.js';

/** Top-level keys this importer reads (SPEC section 6), plus elbv2 listeners and DX connections. */
export const knownKeys = [
	'Vpcs', 'Subnets', 'RouteTables', 'SecurityGroups', 'NetworkAcls', 'InternetGateways',
	'EgressOnlyInternetGateways', 'NatGateways', 'Reservations', 'NetworkInterfaces', 'Addresses',
	'VpcPeeringConnections', 'VpcEndpoints', 'PrefixLists', 'ManagedPrefixLists', 'ServiceConfigurations',
	'LoadBalancers', 'Listeners', 'TargetGroups', 'TargetHealthDescriptions',
	// Batfish's wrappers: listeners per balancer, target health per group, balancer attributes.
	'LoadBalancerListeners', 'LoadBalancerTargetHealth', 'LoadBalancerAttributes', 'TransitGateways',
	'TransitGatewayAttachments', 'TransitGatewayVpcAttachments', 'TransitGatewayRouteTables',
	'TransitGatewayPropagations', 'TransitGatewayStaticRoutes', 'Routes', 'VpnGateways', 'CustomerGateways',
	'VpnConnections', 'ClientVpnEndpoints', 'ClientVpnRoutes', 'ClientVpnAuthorizationRules',
	'ClientVpnTargetNetworks', 'directConnectGateways', 'directConnectGatewayAssociations',
	'virtualInterfaces', 'connections',
] as const;

export type KnownKey = (typeof knownKeys)[number];
const known = new Set<string>(knownKeys);

export type SnapshotFile = {
	/** Path relative to the snapshot folder, for messages. */
	readonly file: string;
	readonly key: KnownKey;
	readonly data: unknown;
	/** From the folder layout; undefined for flat files (then inferred from availability zones). */
	readonly region?: string;
	readonly account?: string;
	/** The rest of the document (e.g. a TGW route table id in a file name). */
	readonly fileName: string;
};

export type SkippedFile = {file: string; reason: string};

export type Snapshot = {root: string; files: SnapshotFile[]; skipped: SkippedFile[]};

const regionPattern = /^[a-z]{2}(-gov)?-[a-z]+-\d$/;

export function readSnapshot(dir: string): Snapshot {
	if (!existsSync(dir)) throw new ImportError(dir, '(folder)', 'does not exist; give the snapshot folder (the one holding aws_configs/ or the JSON files)');
	if (!statSync(dir).isDirectory())
		throw new ImportError(dir, '(folder)', 'is not a folder; give the snapshot folder (the one holding aws_configs/ or the JSON files)');
	const root = existsSync(join(dir, 'aws_configs')) ? join(dir, 'aws_configs') : dir;
	const files: SnapshotFile[] = [];
	const skipped: SkippedFile[] = [];
	const visit = (folder: string, region: string | undefined, account: string | undefined, depth: number) => {
		for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
			const path = join(folder, entry.name);
			const shown = relative(dir, path) || entry.name;
			if (entry.isDirectory()) {
				if (depth === 0 && entry.name === 'accounts') {
					for (const accountEntry of readdirSync(path, {withFileTypes: true}))
						if (accountEntry.isDirectory()) visit(join(path, accountEntry.name), undefined, accountEntry.name, 2);
				} else if (depth <= 2 && region === undefined) {
					visit(path, entry.name, account, depth + 1);
				} else {
					skipped.push({file: shown, reason: 'a folder deeper than the snapshot layouts'});
				}
				continue;
			}
			if (!entry.name.endsWith('.json')) {
				skipped.push({file: shown, reason: 'not a .json file'});
				continue;
			}
			const raw = readJson(path, shown);
			const data = camelDirectConnect(raw);
			const key = topLevelKey(data);
			if (!key) {
				const keys = data && typeof data === 'object' && !Array.isArray(data) ? Object.keys(data).slice(0, 3) : [];
				const reason = keys.length > 1 ? `top-level keys ${keys.join(', ')} are not ones vpcsim reads` : `top-level key ${keys[0]} is not one vpcsim reads`;
				skipped.push({file: shown, reason: keys.length > 0 ? reason : 'not a describe-* document'});
				continue;
			}
			if (region !== undefined && !regionPattern.test(region))
				skipped.push({file: shown, reason: `folder "${region}" does not look like a region; read as ${region} anyway`});
			files.push({file: shown, key, data, region, account, fileName: entry.name});
		}
	};
	visit(root, undefined, undefined, 0);
	return {root, files, skipped};
}

/**
 * The AWS CLI prints Direct Connect documents in camelCase (`directConnectGateways`); Batfish's
 * snapshots write the same documents in PascalCase (`DirectConnectGateways`). Read both.
 */
const pascalDirectConnect = new Set(['DirectConnectGateways', 'DirectConnectGatewayAssociations', 'VirtualInterfaces', 'Connections']);

function camelDirectConnect(data: unknown): unknown {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return data;
	if (!Object.keys(data).some(key => pascalDirectConnect.has(key))) return data;
	return camelKeys(data);
}

function camelKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(camelKeys);
	if (typeof value !== 'object' || value === null) return value;
	// Tags keep AWS's {Key, Value} shape: the mappers read Name tags that way everywhere else.
	return Object.fromEntries(
		Object.entries(value).map(([key, inner]) => (key === 'Tags' ? ['tags', inner] : [key.charAt(0).toLowerCase() + key.slice(1), camelKeys(inner)])),
	);
}

function readJson(path: string, shown: string): unknown {
	let bytes: Buffer;
	try {
		bytes = readFileSync(path);
	} catch (error) {
		throw new ImportError(shown, '(document)', `cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
	}
	const parsed = parseJson(decodeText(bytes));
	if (parsed.ok) return parsed.value;
	// V8's message names an offset at best; a line and column can be found in an editor.
	const {line, column, message} = parsed.error;
	throw new ImportError(shown, '(document)', `is not valid JSON: ${message} at line ${line}, column ${column}`);
}

function topLevelKey(data: unknown): KnownKey | undefined {
	if (typeof data !== 'object' || data === null || Array.isArray(data)) return undefined;
	const record = data as Record<string, unknown>;
	// Raw outputs whose key is generic: describe-client-vpn-routes and search-transit-gateway-routes
	// both print `Routes`, describe-client-vpn-authorization-rules prints `AuthorizationRules`.
	const first = (key: string) => (Array.isArray(record[key]) ? (record[key] as Array<Record<string, unknown>>)[0] : undefined);
	for (const key of knownKeys) if (key !== 'Routes' && key in record) return key;
	if (Array.isArray(record['AuthorizationRules'])) return 'ClientVpnAuthorizationRules';
	if (Array.isArray(record['Routes'])) return first('Routes')?.['ClientVpnEndpointId'] ? 'ClientVpnRoutes' : 'Routes';
	return undefined;
}

/** The list a file's records are under (a raw output's generic key, or the key itself). */
export function recordsKey(data: Record<string, unknown>, key: KnownKey): string {
	if (key === 'ClientVpnAuthorizationRules' && !Array.isArray(data[key])) return 'AuthorizationRules';
	if (key === 'ClientVpnRoutes' && !Array.isArray(data[key])) return 'Routes';
	return key;
}
