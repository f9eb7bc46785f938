// Through the command line, as a user does it: import a real snapshot, export it, load the export
// again, and get the same topology; and the import's summary says what it did.
import {mkdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {checkTopology} from '../../source/model/load.js';
import {sandbox} from '../cli/helpers.js';
import {fixtures} from './snapshot-helpers.js';

describe('vpcsim import aws, then export and reload', () => {
	it('round-trips the hybrid-cloud snapshot through a saved topology and an exported file', async () => {
		const box = sandbox();
		const imported = await box.run(['import', 'aws', path.join(fixtures, 'hybrid-cloud'), '--name', 'hybrid']);
		expect(imported.stderr).toBe('');
		expect(imported.status).toBe(0);
		expect(imported.stdout).toMatch(/imported \d+ resources/);
		expect(imported.stdout).toMatch(/^\s+4\s+instance$/m);
		expect(imported.stdout).toMatch(/tgw-attach-0cc6cf6a578b754e3: transit gateway attachment is deleting/);
		expect(imported.stdout).toContain('saved as hybrid');

		const exported = await box.run(['export', 'hybrid', '--format', 'json']);
		expect(exported.status).toBe(0);
		const first = checkTopology(JSON.parse(exported.stdout));
		expect(first.ok).toBe(true);

		const file = box.write('hybrid.json', exported.stdout);
		const validated = await box.run(['validate', file]);
		expect(validated.status).toBe(0);
		const again = await box.run(['export', file, '--format', 'json']);
		expect(JSON.parse(again.stdout)).toEqual(JSON.parse(exported.stdout));

		const direct = await box.run(['import', 'aws', path.join(fixtures, 'hybrid-cloud'), '--out', 'direct.json']);
		expect(direct.status).toBe(0);
		const written = JSON.parse(readFileSync(path.join(box.cwd, 'direct.json'), 'utf8'));
		expect({...written, name: 'hybrid'}).toEqual({...JSON.parse(exported.stdout), name: 'hybrid'});
	});

	it('traces the imported topology from the command line with the published verdicts', async () => {
		const box = sandbox();
		await box.run(['import', 'aws', path.join(fixtures, 'test-vpc-peering'), '--name', 'peering']);
		const denied = await box.run(['trace', '--topology', 'peering', '--from', 'i-06ba034d88c84ef07', '--to', '192.168.1.106', '--protocol', '0', '--json']);
		expect(denied.status).toBe(1);
		expect(JSON.parse(denied.stdout).blockedAt).toMatchObject({component: 'sg-065c26b39e45ae384', code: 'ENI_SG_RULES_MISMATCH', direction: 'forward'});
		const ssh = await box.run(['trace', '--topology', 'peering', '--from', 'i-06ba034d88c84ef07', '--to', '192.168.1.106', '--port', '22', '--json']);
		expect(ssh.status).toBe(0);
		expect(JSON.parse(ssh.stdout).reachable).toBe(true);
	});

	it('refuses a malformed snapshot with the file and JSON path, and saves nothing', async () => {
		const box = sandbox();
		mkdirSync(path.join(box.cwd, 'snap'));
		box.write('snap/Vpcs.json', JSON.stringify({Vpcs: [{VpcId: 'vpc-1', CidrBlock: '10.0.0.0/33'}]}));
		const result = await box.run(['import', 'aws', 'snap', '--name', 'broken']);
		expect(result.status).toBe(2);
		expect(result.stderr.split('\n').filter(Boolean)[0]).toMatch(/^vpcsim: .*Vpcs\.json.*Vpcs\[0\]\.CidrBlock.*\/33/);
		const list = await box.run(['list']);
		expect(list.stdout).not.toContain('broken');
	});
});
