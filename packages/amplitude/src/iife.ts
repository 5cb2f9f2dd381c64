// The script-tag build's entry: its global's `.plugin(options)` is the factory, the name
// Amplitude gives the factory of each plugin it serves from its CDN.
export { hotjarPlugin, hotjarPlugin as plugin } from './plugin';
