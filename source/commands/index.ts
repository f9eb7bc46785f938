// The palette language: parse a line, apply it as a pure change, complete it, explain it.
export {applyCommand, runCommand} from './apply.js';
export {complete, type Completion} from './complete.js';
export {commandSpecs, helpText, type CommandSpec} from './help.js';
export {parseCommand, synopsis} from './parse.js';
export {runScript, type ScriptResult} from './script.js';
export {ParseError, type ArgSpec, type PortRange, type Value, type ValueKind} from './syntax.js';
export type {ApplyResult, ChangeCommand, Command, Intent} from './types.js';
