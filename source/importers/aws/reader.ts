// A small typed reader over untrusted describe-* JSON that remembers where it is, so a malformed
// file stops the import with the file name and the JSON path (`RouteTables[3].Routes[0].State`).

export class ImportError extends Error {
	constructor(
		readonly file: string,
		readonly path: string,
		detail: string,
	) {
		super(`${file}: ${path || '(document)'}: ${detail}`);
		this.name = 'ImportError';
	}
}

type Json = null | boolean | number | string | Json[] | {[key: string]: Json};

export class Rec {
	constructor(
		readonly file: string,
		readonly path: string,
		private readonly value: {[key: string]: Json},
	) {}

	static root(file: string, path: string, value: unknown): Rec {
		if (typeof value !== 'object' || value === null || Array.isArray(value))
			throw new ImportError(file, path, `expected an object, found ${describe(value)}`);
		return new Rec(file, path, value as {[key: string]: Json});
	}

	/** The JSON path of a field, as a reader of the file would write it: `Subnets[1].CidrBlock`. */
	at(key: string): string {
		return this.path ? `${this.path}.${key}` : key;
	}

	/** A malformed value: stops the import, naming the file and the field's JSON path. */
	fail(key: string, detail: string): ImportError {
		return new ImportError(this.file, this.at(key), detail);
	}

	has(key: string): boolean {
		return this.value[key] !== undefined && this.value[key] !== null;
	}

	raw(key: string): unknown {
		return this.value[key];
	}

	str(key: string): string {
		const value = this.value[key];
		if (typeof value !== 'string' || value === '')
			throw new ImportError(this.file, this.at(key), `expected a non-empty string, found ${describe(value)}`);
		return value;
	}

	optStr(key: string): string | undefined {
		const value = this.value[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'string') throw new ImportError(this.file, this.at(key), `expected a string, found ${describe(value)}`);
		return value === '' ? undefined : value;
	}

	/** A number, also accepted as a numeric string (the CLI prints BgpAsn as "65100"). */
	optNum(key: string): number | undefined {
		const value = this.value[key];
		if (value === undefined || value === null) return undefined;
		const number = typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : value;
		if (typeof number !== 'number' || !Number.isFinite(number))
			throw new ImportError(this.file, this.at(key), `expected a number, found ${describe(value)}`);
		return number;
	}

	num(key: string): number {
		const value = this.optNum(key);
		if (value === undefined) throw new ImportError(this.file, this.at(key), 'expected a number, found nothing');
		return value;
	}

	optBool(key: string): boolean | undefined {
		const value = this.value[key];
		if (value === undefined || value === null) return undefined;
		if (typeof value !== 'boolean') throw new ImportError(this.file, this.at(key), `expected true or false, found ${describe(value)}`);
		return value;
	}

	obj(key: string): Rec | undefined {
		const value = this.value[key];
		if (value === undefined || value === null) return undefined;
		return Rec.root(this.file, this.at(key), value);
	}

	/** An array of objects; absent means empty (a missing list is no resources, as AWS omits them). */
	list(key: string): Rec[] {
		const value = this.value[key];
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value)) throw new ImportError(this.file, this.at(key), `expected a list, found ${describe(value)}`);
		return value.map((item, index) => Rec.root(this.file, `${this.at(key)}[${index}]`, item));
	}

	strings(key: string): string[] {
		const value = this.value[key];
		if (value === undefined || value === null) return [];
		if (!Array.isArray(value) || value.some(item => typeof item !== 'string'))
			throw new ImportError(this.file, this.at(key), `expected a list of strings, found ${describe(value)}`);
		return value as string[];
	}

	/** The `Name` tag, the way the console and the CLI will refer to the resource. */
	nameTag(): string | undefined {
		for (const tag of this.list('Tags')) {
			if (tag.optStr('Key') === 'Name') return tag.optStr('Value')?.trim() || undefined;
		}
		return undefined;
	}

	/** Every tag but Name, kept so an engineer recognises the resource. */
	tags(): Record<string, string> | undefined {
		const result: Record<string, string> = {};
		for (const tag of this.list('Tags')) {
			const key = tag.optStr('Key');
			const value = tag.optStr('Value');
			if (key && key !== 'Name' && value !== undefined) result[key] = value;
		}
		return Object.keys(result).length > 0 ? result : undefined;
	}
}

function describe(value: unknown): string {
	if (value === undefined) return 'nothing';
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'a list';
	if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value)}`;
	return `${typeof value === 'object' ? 'an object' : `${typeof value} ${String(value)}`}`;
}
