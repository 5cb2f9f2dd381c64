export { hotjarPlugin } from './plugin';
export type { HotjarPlugin } from './plugin';
export type { HotjarPluginOptions } from './options';
