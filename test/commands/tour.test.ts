// One script through every resource family, each step applied to a deep-frozen topology: any
// command that mutated its input would throw here.
import {expect, test} from 'vitest';
import {applyCommand} from '../../source/commands/apply.js';
import {commandSpecs} from '../../source/commands/help.js';
import {parseCommand} from '../../source/commands/parse.js';
import {ParseError} from '../../source/commands/syntax.js';
import type {Topology} from '../../source/model/types.js';
import {emptyTopology} from './fixture.js';

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const item of Object.values(value)) deepFreeze(item);
	}
	return value;
}

const tour = `
add vpc app 10.0.0.0/16 region=us-east-1
add vpc-cidr app 10.1.0.0/16
set vpc app account=111122223333
add vpc b 10.2.0.0/16
add subnet public-a app 10.0.1.0/24 az=us-east-1a
add subnet private-a app 10.0.2.0/24 az=us-east-1a
add subnet private-b app 10.1.2.0/24 az=us-east-1b
add subnet b-a b 10.2.1.0/24
add rtb public app
add rtb ingress app
add igw main vpc=app
add edge-association ingress main
add eigw out app
add route public 0.0.0.0/0 main
set subnet public-a rtb=public
add nat nat-a public-a
add route app-main 0.0.0.0/0 nat-a
replace route app-main 0.0.0.0/0 nat-a state=active
add sg web vpc=app
add sg-rule web in tcp 443 from=0.0.0.0/0
add sg-rule web in icmp 8 from=10.0.0.0/8
add acl pub vpc=app
add acl-rule pub in 100 allow tcp 443 from=0.0.0.0/0
add acl-rule pub out 100 allow tcp 1024-65535 to=0.0.0.0/0
replace acl-rule pub out 100 allow all to=0.0.0.0/0
set subnet public-a acl=pub
add instance web-1 public-a sg=web public-ip=auto
add instance db-1 private-a platform=windows
set instance db-1 source-dest-check=false
add eni extra private-a
attach eni extra db-1
detach eni extra
set eni extra secondary=10.0.2.100
add pcx app-b app b
accept pcx app-b
add route public 10.2.0.0/16 app-b
add route b-main 10.0.0.0/16 app-b
add pl s3-list 52.216.0.0/15 ownership=aws-managed service=com.amazonaws.us-east-1.s3
add pl-entry s3-list 3.5.0.0/19
add vpce s3 gateway app com.amazonaws.us-east-1.s3 rtb=app-main
set vpce s3 rtb=app-main,public
add vpce ssm interface app com.amazonaws.us-east-1.ssm subnet=private-a,private-b
add tg svc TCP 8443 vpc=app
add target svc db-1
add lb nlb app private-a,private-b
add listener nlb TCP 443 tg=svc
add vpce-service billing lb=nlb
set vpce-service billing acceptance=true
add tgw hub asn=64512
add tgw-rtb spokes hub
add tgw-attachment app-att hub vpc app subnet=private-a,private-b
add tgw-association app-att spokes
add tgw-propagation spokes app-att
add tgw-route spokes 0.0.0.0/0 app-att
add tgw-route spokes 10.9.0.0/16 blackhole
add site office 192.168.0.0/16
add cgw office-router 198.51.100.7 site=office
add vgw vgw-1 vpc=app
add vgw-propagation app-main vgw-1
add vpn office-vpn office-router vgw=vgw-1 routes=192.168.0.0/16
add vpn-route office-vpn 172.20.0.0/16
add vpn-prefix office-vpn 172.21.0.0/16
set vpn office-vpn tunnel2=down
add vpn hub-vpn office-router tgw=hub routing=bgp prefixes=192.168.0.0/16
add cvpn remote app 10.250.0.0/22
add cvpn-target remote private-a
add cvpn-auth remote 10.0.0.0/16
add cvpn-route remote 0.0.0.0/0 private-a
add dx link site=office
add dxgw dx-hub
add dxgw-association dx-hub hub allowed=10.0.0.0/8
add vif transit-vif transit link dxgw=dx-hub
rename web-1 web-one
rm vpn hub-vpn
rm tgw-route spokes 10.9.0.0/16
rm cvpn-route remote 0.0.0.0/0
rm listener nlb 443
rm sg-rule web in icmp 8 from=10.0.0.0/8
rm acl-rule pub in 100
rm route public 10.2.0.0/16
rm edge-association ingress main
detach igw main
`;

test('a tour of every family applies without touching any topology it was given', () => {
	let topology: Topology = deepFreeze(emptyTopology());
	const used = new Set<string>();
	for (const line of tour.trim().split('\n')) {
		const command = parseCommand(line);
		if (command instanceof ParseError) throw new Error(`${line}: ${command.message}`);
		if (command.type === 'change') used.add(command.name);
		const result = applyCommand(topology, command);
		if (!result.ok) throw new Error(`${line}: ${result.error}`);
		topology = deepFreeze(result.topology);
	}
	const verbsTried = new Set([...used].map(name => name.split(' ')[1]));
	const nouns = new Set(commandSpecs.filter(spec => spec.name.startsWith('add ')).map(spec => spec.name.slice(4)));
	expect([...nouns].filter(noun => !verbsTried.has(noun))).toEqual([]);
	expect(topology.instances.map(instance => instance.name)).toEqual(['web-one', 'db-1']);
});
