declare const __PACKAGE_VERSION__: string | undefined;

/** The package's version, written in at build time from package.json. */
export const VERSION: string = typeof __PACKAGE_VERSION__ === 'string' ? __PACKAGE_VERSION__ : '0.0.0-source';
