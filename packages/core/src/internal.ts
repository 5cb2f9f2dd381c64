// Helpers the Amplitude and Segment packages of this repository share with the core. Not part
// of the public API: they may change in any release.
export type { ResolvedIdentifyOptions } from './identify-types';
export type { ResolvedBridgeOptions } from './options';
export { optionError, resolveBridgeOptions } from './options';
export { reportSkip } from './plugin-skip';
export { flag } from './plugin-support';
