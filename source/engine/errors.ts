/** Bad trace input (unknown ref, malformed address, port or protocol): a one-line message for the user. */
export class TraceInputError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'TraceInputError';
	}
}
