// The `vpcsim` binary. Everything testable lives in cli/main.ts; this file only binds it to the
// real process.
import process from 'node:process';
import {main} from './cli/main.js';

process.exitCode = await main(process.argv.slice(2), {
	stdout: process.stdout,
	stderr: process.stderr,
	env: process.env,
	cwd: process.cwd(),
	isTTY: process.stdout.isTTY === true,
	stdinIsTTY: process.stdin.isTTY === true,
});
