// One input dispatcher with layers: the open overlay, then the focused pane, then global keys.
// A layer returns true when it consumed the key; the first that does wins.
import {actionFor, type KeyAction, type Scope} from './keys.js';

export type KeyPress = {readonly name: string; readonly input: string};

/** A layer gets the action bound to the key in its scope (if any) and the raw key press. */
export type Layer = {
	readonly scopes: readonly Scope[];
	readonly handle: (action: KeyAction | undefined, press: KeyPress) => boolean;
};

export function dispatchKey(press: KeyPress, layers: readonly Layer[]): boolean {
	for (const layer of layers) {
		let action: KeyAction | undefined;
		for (const scope of layer.scopes) {
			action = actionFor(scope, press.name);
			if (action) break;
		}
		if (layer.handle(action, press)) return true;
	}
	return false;
}

/** A printable character the text fields take (not a control sequence or a named key). */
export function isPrintable(press: KeyPress): boolean {
	return press.input.length > 0 && !/[\u0000-\u001f\u007f]/.test(press.input) && (press.name === press.input || press.name === 'space');
}
