// Reading a JSON file the user named: every failure becomes one line that says which file and,
// for a syntax error, which line and column.
import {readFileSync} from 'node:fs';
import {isAbsolute, resolve} from 'node:path';
import {decodeText, parseJson} from '../store/json.js';
import {CliError} from './io.js';

export function resolvePath(cwd: string, file: string): string {
	return isAbsolute(file) ? file : resolve(cwd, file);
}

export function readJsonFile(cwd: string, file: string): unknown {
	let bytes: Buffer;
	try {
		bytes = readFileSync(resolvePath(cwd, file));
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new CliError(`${file}: no such file`);
		if (code === 'EISDIR') throw new CliError(`${file}: is a folder, not a JSON file`);
		if (code === 'EACCES' || code === 'EPERM') throw new CliError(`${file}: permission denied`);
		throw new CliError(`${file}: cannot be read (${code ?? String(error)})`);
	}
	const text = decodeText(bytes);
	if (text.trim() === '') throw new CliError(`${file}: the file is empty, not a JSON topology`);
	const parsed = parseJson(text);
	if (!parsed.ok) throw new CliError(`${file}:${parsed.error.line}:${parsed.error.column}: invalid JSON: ${parsed.error.message}`);
	return parsed.value;
}
