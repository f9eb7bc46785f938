import {cpSync, mkdirSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {ImportError, importAwsSnapshot} from '../../source/importers/aws/index.js';
import {fixtures, tempDir, writeSnapshot} from './snapshot-helpers.js';

const flat = join(fixtures, 'test-vpc-peering', 'aws_configs');

describe('snapshot layouts', () => {
	it('reads <dir> itself when there is no aws_configs folder', () => {
		const dir = tempDir();
		cpSync(flat, dir, {recursive: true});
		expect(importAwsSnapshot(dir).topology.vpcs).toHaveLength(3);
	});

	it('reads <region>/ folders: the region of the zones in the data, else the folder', () => {
		const dir = tempDir();
		cpSync(flat, join(dir, 'aws_configs', 'eu-west-1'), {recursive: true});
		writeFileSync(join(dir, 'aws_configs', 'eu-west-1', 'Lone.json'), JSON.stringify({Vpcs: [{VpcId: 'vpc-lone', CidrBlock: '10.99.0.0/16'}]}));
		const {topology} = importAwsSnapshot(dir);
		// The copied data's subnets are in us-east-2 zones; a VPC with no subnet only has its folder.
		expect(topology.vpcs.find(vpc => vpc.id === 'vpc-0404e08ceddf7f650')!.region).toBe('us-east-2');
		expect(topology.vpcs.find(vpc => vpc.id === 'vpc-lone')!.region).toBe('eu-west-1');
	});

	it('reads accounts/<account>/<region>/ folders and keeps the account', () => {
		const dir = tempDir();
		cpSync(flat, join(dir, 'aws_configs', 'accounts', '111122223333', 'us-east-2'), {recursive: true});
		const {topology} = importAwsSnapshot(dir);
		expect(topology.vpcs).toHaveLength(3);
		expect(topology.vpcs[0]!.accountId).toBe('554773406868'); // OwnerId wins over the folder when present
	});

	it('recognises files by their top-level key, not their name', () => {
		const dir = tempDir();
		cpSync(flat, dir, {recursive: true});
		cpSync(join(flat, 'Vpcs.json'), join(dir, 'whatever-name.json'));
		const {topology} = importAwsSnapshot(dir);
		expect(topology.vpcs).toHaveLength(3); // a repeated file does not duplicate resources
	});

	it('lists unknown files and skips them', () => {
		const dir = tempDir();
		cpSync(flat, dir, {recursive: true});
		writeFileSync(join(dir, 'Buckets.json'), JSON.stringify({Buckets: []}));
		writeFileSync(join(dir, 'notes.txt'), 'hello');
		const {skippedFiles} = importAwsSnapshot(dir);
		expect(skippedFiles).toContainEqual({file: 'Buckets.json', reason: 'top-level key Buckets is not one vpcsim reads'});
		expect(skippedFiles).toContainEqual({file: 'notes.txt', reason: 'not a .json file'});
	});

	it('reads the raw outputs whose key is generic by what their records hold', () => {
		const dir = writeSnapshot({
			'Vpcs.json': {Vpcs: [{VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16'}]},
			'Subnets.json': {Subnets: [{SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24', AvailabilityZone: 'us-east-1a'}]},
			'RouteTables.json': {RouteTables: [{RouteTableId: 'rtb-1', VpcId: 'vpc-1', Associations: [{Main: true}], Routes: []}]},
			'cvpn.json': {ClientVpnEndpoints: [{ClientVpnEndpointId: 'cvpn-endpoint-1', ClientCidrBlock: '100.64.0.0/22', VpcId: 'vpc-1'}]},
			'cvpn-networks.json': {ClientVpnTargetNetworks: [{AssociationId: 'cvpn-assoc-1', ClientVpnEndpointId: 'cvpn-endpoint-1', TargetNetworkId: 'subnet-1'}]},
			'cvpn-routes.json': {Routes: [{ClientVpnEndpointId: 'cvpn-endpoint-1', DestinationCidr: '0.0.0.0/0', TargetSubnet: 'subnet-1'}]},
			'cvpn-auth.json': {AuthorizationRules: [{ClientVpnEndpointId: 'cvpn-endpoint-1', DestinationCidr: '10.0.0.0/16', AccessAll: true}]},
		});
		const {topology, unmapped} = importAwsSnapshot(dir);
		const [endpoint] = topology.clientVpnEndpoints;
		expect(endpoint!.routes).toEqual([{destinationCidr: '0.0.0.0/0', targetSubnetId: 'subnet-1'}]);
		expect(endpoint!.authorizationRules).toEqual([{destinationCidr: '10.0.0.0/16', accessAll: true, groupId: undefined}]);
		// The association's interface is not in the snapshot: a free address stands in, and that is said.
		expect(endpoint!.targetNetworks).toEqual([{id: 'cvpn-assoc-1', subnetId: 'subnet-1', privateIp: '10.0.1.254'}]);
		expect(unmapped.some(n => n.resourceId === 'cvpn-endpoint-1' && n.reason.includes('10.0.1.254'))).toBe(true);
	});

	it('takes raw search-transit-gateway-routes output, its table named by the file', () => {
		const dir = writeSnapshot({
			'Vpcs.json': {Vpcs: [{VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16'}]},
			'TransitGateways.json': {TransitGateways: [{TransitGatewayId: 'tgw-1', State: 'available'}]},
			'TransitGatewayRouteTables.json': {TransitGatewayRouteTables: [{TransitGatewayRouteTableId: 'tgw-rtb-0abc', TransitGatewayId: 'tgw-1'}]},
			'routes-tgw-rtb-0abc.json': {Routes: [
				{DestinationCidrBlock: '10.9.0.0/16', Type: 'static', State: 'blackhole'},
				{DestinationCidrBlock: '10.8.0.0/16', Type: 'propagated', State: 'active', TransitGatewayAttachments: [{TransitGatewayAttachmentId: 'tgw-attach-x', ResourceType: 'vpc'}]},
			], AdditionalRoutesAvailable: false},
		});
		const {topology, unmapped} = importAwsSnapshot(dir);
		// tgw-attach-x is not in the snapshot: the route it carried stops traffic rather than vanish.
		expect(topology.transitGatewayRouteTables[0]!.routes).toEqual([
			{destinationCidr: '10.9.0.0/16', attachmentId: undefined, type: 'static', state: 'blackhole'},
			{destinationCidr: '10.8.0.0/16', attachmentId: undefined, type: 'propagated', state: 'blackhole'},
		]);
		expect(unmapped.some(n => n.resourceId === 'tgw-rtb-0abc' && n.reason.includes('tgw-attach-x'))).toBe(true);
	});

	it('merges a managed prefix list with the entries collected for it separately', () => {
		const dir = writeSnapshot({
			'ManagedPrefixLists.json': {ManagedPrefixLists: [{PrefixListId: 'pl-1', PrefixListName: 'office', OwnerId: '1', AddressFamily: 'IPv4'}]},
			'entries-pl-1.json': {ManagedPrefixLists: [{PrefixListId: 'pl-1', Entries: [{Cidr: '192.0.2.0/24'}, {Cidr: '198.51.100.0/24'}]}]},
		});
		const {topology, unmapped} = importAwsSnapshot(dir);
		expect(topology.prefixLists).toEqual([{id: 'pl-1', name: 'office', ownership: 'customer-managed', serviceName: undefined, cidrs: ['192.0.2.0/24', '198.51.100.0/24']}]);
		expect(unmapped).toEqual([]);
	});

	it('reads describe-managed-prefix-lists output, which also prints PrefixLists, beside describe-prefix-lists', () => {
		const dir = writeSnapshot({
			'PrefixLists.json': {PrefixLists: [{PrefixListId: 'pl-s3', PrefixListName: 'com.amazonaws.us-east-1.s3', Cidrs: ['52.216.0.0/15']}]},
			'ManagedPrefixLists.json': {PrefixLists: [
				{PrefixListId: 'pl-s3', PrefixListName: 'com.amazonaws.us-east-1.s3', OwnerId: 'AWS', AddressFamily: 'IPv4'},
				{PrefixListId: 'pl-2', PrefixListName: 'partners', OwnerId: '111122223333', AddressFamily: 'IPv4'},
			]},
			'entries-pl-2.json': {ManagedPrefixLists: [{PrefixListId: 'pl-2', Entries: [{Cidr: '192.0.2.0/24'}]}]},
		});
		const {topology} = importAwsSnapshot(dir);
		expect(topology.prefixLists).toEqual([
			{id: 'pl-s3', name: 'com.amazonaws.us-east-1.s3', ownership: 'aws-managed', serviceName: 'com.amazonaws.us-east-1.s3', region: 'us-east-1', cidrs: ['52.216.0.0/15']},
			{id: 'pl-2', name: 'partners', ownership: 'customer-managed', serviceName: undefined, cidrs: ['192.0.2.0/24']},
		]);
	});

	it('treats a missing file as no such resources', () => {
		const dir = writeSnapshot({'Vpcs.json': {Vpcs: [{VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16', OwnerId: '1'}]}});
		const {topology} = importAwsSnapshot(dir);
		expect(topology.vpcs).toHaveLength(1);
		expect(topology.subnets).toEqual([]);
	});
});

describe('malformed snapshots stop the import with the file and the JSON path', () => {
	it('names a file that is not JSON', () => {
		const dir = writeSnapshot({'Vpcs.json': '{"Vpcs": [ {"VpcId": '});
		expect(() => importAwsSnapshot(dir)).toThrow('Vpcs.json: (document): is not valid JSON: unexpected end of file, expected a value at line 1, column 22');
	});

	it('names the JSON path of a wrong field', () => {
		const dir = writeSnapshot({
			'Vpcs.json': {Vpcs: [{VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16'}]},
			'Subnets.json': {Subnets: [{SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: 42, AvailabilityZone: 'us-east-1a'}]},
		});
		let error: unknown;
		try {
			importAwsSnapshot(dir);
		} catch (caught) {
			error = caught;
		}
		expect(error).toBeInstanceOf(ImportError);
		expect((error as Error).message).toBe('Subnets.json: Subnets[0].CidrBlock: expected a non-empty string, found number 42');
	});

	it('names a list that is not a list', () => {
		const dir = writeSnapshot({'RouteTables.json': {RouteTables: {RouteTableId: 'rtb-1'}}});
		expect(() => importAwsSnapshot(dir)).toThrow('RouteTables.json: RouteTables: expected a list, found an object');
	});

	it('names the file and JSON path of a malformed block, not only the value', () => {
		const dir = writeSnapshot({
			'Vpcs.json': {Vpcs: [{VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16'}]},
			'Subnets.json': {Subnets: [{SubnetId: 'subnet-1', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/33', AvailabilityZone: 'us-east-1a'}]},
			'PrefixLists.json': {PrefixLists: [{PrefixListId: 'pl-1', PrefixListName: 'com.amazonaws.us-east-1.s3', Cidrs: ['52.216.0.0/15', '300.1.1.1/24']}]},
		});
		expect(() => importAwsSnapshot(dir)).toThrow(
			'Subnets.json: Subnets[0].CidrBlock: "10.0.1.0/33" is not a CIDR block: the prefix length must be a whole number from 0 to 32, not "33"',
		);
		writeFileSync(join(dir, 'Subnets.json'), JSON.stringify({Subnets: []}));
		expect(() => importAwsSnapshot(dir)).toThrow(/^PrefixLists\.json: PrefixLists\[0\]\.Cidrs\[1\]: "300\.1\.1\.1\/24" is not a CIDR block/);
	});

	it('says a folder that is not there does not exist', () => {
		expect(() => importAwsSnapshot(join(tempDir(), 'nope'))).toThrow(/nope: \(folder\): does not exist;/);
	});

	it('says "keys ... are" when a skipped file has several', () => {
		const dir = tempDir();
		cpSync(flat, dir, {recursive: true});
		writeFileSync(join(dir, 'Services.json'), JSON.stringify({ServiceDetails: [], ServiceNames: []}));
		expect(importAwsSnapshot(dir).skippedFiles).toContainEqual({file: 'Services.json', reason: 'top-level keys ServiceDetails, ServiceNames are not ones vpcsim reads'});
	});

	it('refuses a folder with nothing it can read', () => {
		const dir = tempDir();
		mkdirSync(join(dir, 'aws_configs'));
		expect(() => importAwsSnapshot(dir)).toThrow(/holds no describe-\* JSON/);
	});

	it('refuses a path that is not a folder', () => {
		expect(() => importAwsSnapshot(join(flat, 'Vpcs.json'))).toThrow(/is not a folder/);
	});
});
