// Saving the open topology. Saves are serialised and each uses the newest revision, which a render
// may not have seen yet; the file is watched so that another vpcsim saving the same topology shows
// in the header before any conflict.
import {useEffect, useRef} from 'react';
import type {Topology} from '../model/types.js';
import type {ConsoleAction} from './consoleState.js';
import {errorText, isConflict, type ConsoleServices, type Opened} from './services.js';

export type Saving = {
	/** Saves a change; a conflict leaves it pending for the conflict overlay. */
	persist(next: Topology): void;
	/** The conflict's "overwrite": saves regardless of what is on disk. */
	overwrite(pending: Topology): void;
	/** The conflict's "reload": shows what is on disk instead. */
	reload(): void;
	/** Saves under a new name, which is then the one edited; `onError` gets why not. */
	saveAs(name: string, topology: Topology, onError: (error: string) => void): void;
};

const watchInterval = 2000;

export function useSaving(opened: Opened, name: string, services: ConsoleServices, dispatch: (action: ConsoleAction) => void): Saving {
	const revision = useRef<string | undefined>(opened.revision);
	const saving = useRef<Promise<void>>(Promise.resolve());
	const nameRef = useRef(name);
	nameRef.current = name;

	const diskStamp = useRef<string | undefined>(services.diskStamp?.(opened.name));
	// While our own save writes the file, its stamp changes for no one else's doing.
	const busy = useRef(false);
	useEffect(() => {
		if (!services.diskStamp) return;
		const timer = setInterval(() => {
			if (busy.current) return;
			const now = services.diskStamp!(nameRef.current);
			if (now !== undefined && diskStamp.current !== undefined && now !== diskStamp.current) {
				diskStamp.current = now;
				dispatch({type: 'disk-changed'});
			}
		}, watchInterval);
		timer.unref?.();
		return () => clearInterval(timer);
	}, []);
	const noteSaved = () => {
		diskStamp.current = services.diskStamp?.(nameRef.current);
	};

	return {
		persist(next) {
			dispatch({type: 'saving'});
			saving.current = saving.current.then(async () => {
				// A timer, not a microtask: the change and "saving…" are drawn before the (blocking) write.
				await new Promise(resolve => setTimeout(resolve, 0));
				try {
					busy.current = true;
					revision.current = await services.save(nameRef.current, next, revision.current);
					noteSaved();
					dispatch({type: 'saved', revision: revision.current});
				} catch (error) {
					if (isConflict(error)) dispatch({type: 'save-conflict', topology: next});
					else dispatch({type: 'message', text: `Not saved: ${errorText(error)}`, tone: 'error'});
				} finally {
					busy.current = false;
				}
			});
		},
		overwrite(pending) {
			saving.current = saving.current.then(async () => {
				try {
					revision.current = await services.overwrite(nameRef.current, pending);
					noteSaved();
					dispatch({type: 'saved', revision: revision.current});
				} catch (error) {
					dispatch({type: 'message', text: `Not saved: ${errorText(error)}`, tone: 'error'});
				}
			});
		},
		reload() {
			services.open(name).then(
				reloaded => {
					revision.current = reloaded.revision;
					noteSaved();
					dispatch({type: 'reloaded', topology: reloaded.topology, revision: reloaded.revision});
				},
				error => dispatch({type: 'message', text: `Cannot reload: ${errorText(error)}`, tone: 'error'}),
			);
		},
		saveAs(newName, topology, onError) {
			services.saveAs(newName, topology).then(
				saved => {
					revision.current = saved;
					// The watcher reads the new name's file from now on: its stamp, not the old file's.
					nameRef.current = newName;
					noteSaved();
					dispatch({type: 'renamed', name: newName, revision: saved});
					dispatch({type: 'message', text: `Saved as ${newName}; you are now editing ${newName}.`, tone: 'success'});
				},
				error => onError(errorText(error)),
			);
		},
	};
}
