// A bug (an exception no module turned into a message) still ends in one line and a status, and
// shows its stack only on request.
import {describe, expect, it, vi} from 'vitest';
import {lines, sandbox} from './helpers.js';

vi.mock('../../source/cli/store-access.js', () => ({
	storeFor() {
		throw new TypeError("Cannot read properties of undefined (reading 'folder')");
	},
	loadTopologyArg() {
		throw new TypeError('unexpected');
	},
}));

describe('an unexpected error', () => {
	it('is one line and a hint, with status 70', async () => {
		const {status, stdout, stderr} = await sandbox().run(['list']);
		expect(status).toBe(70);
		expect(stdout).toBe('');
		expect(lines(stderr)).toEqual([
			"vpcsim: internal error: Cannot read properties of undefined (reading 'folder')",
			'hint: run again with VPCSIM_DEBUG=1 to see where it happened, and report it',
		]);
	});

	it('shows its stack trace with VPCSIM_DEBUG=1', async () => {
		const {status, stderr} = await sandbox().run(['list'], {env: {VPCSIM_DEBUG: '1'}});
		expect(status).toBe(70);
		expect(lines(stderr)[0]).toBe("vpcsim: internal error: Cannot read properties of undefined (reading 'folder')");
		expect(stderr).toMatch(/\n {4}at .*store-commands/);
	});
});
