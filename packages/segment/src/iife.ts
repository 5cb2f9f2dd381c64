// The script-tag build's entry: its global's `.plugin(options)` is the factory, as in the
// Amplitude package's build (the name Amplitude gives the factory of its CDN plugins).
export { hotjarPlugin, hotjarPlugin as plugin } from './plugin';
