// Playing a trace: one hop per tick until the last, where the reducer stops the play.
import {useEffect} from 'react';
import type {ConsoleAction} from './consoleState.js';

const playInterval = 700;

export function usePlayback(playing: boolean, dispatch: (action: ConsoleAction) => void): void {
	useEffect(() => {
		if (!playing) return;
		const timer = setInterval(() => dispatch({type: 'trace-step', delta: 1}), playInterval);
		return () => clearInterval(timer);
	}, [playing]);
}
