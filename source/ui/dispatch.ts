// One input dispatcher with layers: the open overlay, then the focused pane, then global keys.
// A layer returns true when it consumed the key; the first that does wins.
import {actionFor, type KeyAction, type Scope} from './keys.js';

/**
 * `times`: the same key pressed that many times in a row, taken at once (a held key's backlog); only
 * keys whose action is a step (see `stepActions`) come more than once.
 */
export type KeyPress = {readonly name: string; readonly input: string; readonly times?: number};

/** Actions that move by a step: n presses in a row are one move of n steps. */
export const stepActions: ReadonlySet<KeyAction> = new Set<KeyAction>(['move-up', 'move-down', 'page-up', 'page-down', 'step-forward', 'step-back']);

/** The action a key takes in the first of the scopes that binds it. */
export function actionIn(scopes: readonly Scope[], name: string): KeyAction | undefined {
	for (const scope of scopes) {
		const action = actionFor(scope, name);
		if (action) return action;
	}
	return undefined;
}

/** A layer gets the action bound to the key in its scope (if any) and the raw key press. */
export type Layer = {
	readonly scopes: readonly Scope[];
	readonly handle: (action: KeyAction | undefined, press: KeyPress) => boolean;
};

export function dispatchKey(press: KeyPress, layers: readonly Layer[]): boolean {
	for (const layer of layers) if (layer.handle(actionIn(layer.scopes, press.name), press)) return true;
	return false;
}

/** A printable character the text fields take (not a control sequence or a named key). */
export function isPrintable(press: KeyPress): boolean {
	return press.input.length > 0 && !/[\u0000-\u001f\u007f]/.test(press.input) && (press.name === press.input || press.name === 'space');
}
