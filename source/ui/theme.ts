// Every colour the console draws goes through here, so NO_COLOR (any non-empty value) and
// FORCE_COLOR=0 turn them all off. Ink's chalk honours FORCE_COLOR but not NO_COLOR. Without colour,
// the selection and the focused pane still show: `>` markers, inverse and bold are not colours.
export type Hue = 'red' | 'green' | 'yellow' | 'cyan' | 'blue' | 'magenta' | 'gray';

/** Read at each call, not once: cheap, and the tests switch it. */
export function colorsOn(env: NodeJS.ProcessEnv = process.env): boolean {
	if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
	const force = env['FORCE_COLOR'];
	return !(force === '0' || force === 'false');
}

/** The colour to pass to Ink, or none when colours are off. */
export function hue(name: Hue | string | undefined): string | undefined {
	return name !== undefined && colorsOn() ? name : undefined;
}
