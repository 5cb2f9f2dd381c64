export type { HotjarPluginOptions } from './options';
export type { HotjarPlugin } from './plugin';
export { hotjarPlugin } from './plugin';
