/** A page the server bundles and serves. */
export interface DemoPage {
  /** The URL path it is served at, such as `/scenario`. */
  path: string;
  /** The TypeScript entry bundled for the page (an absolute path). */
  entry: string;
  /** The page's title. */
  title: string;
  /** A stylesheet served beside the page (an absolute path). @default none */
  stylesheet?: string;
}

export interface DemoServerOptions {
  /** The port to listen on; 0 picks a free one. @default 0 */
  port?: number;
  /** The interface to listen on. @default '127.0.0.1' */
  host?: string;
  /** A Hotjar site id: with one, the demo loads the real Hotjar; without, it runs offline. @default none */
  siteId?: number | string;
  /** Pages served beside the demo (the browser tests add theirs). @default none */
  pages?: DemoPage[];
}

/** What the demo's collection endpoints received, in order. */
export interface ReceivedUploads {
  /** Events from Amplitude's uploads. */
  amplitude: Array<Record<string, unknown>>;
  /** Calls from Segment's deliveries (batches unpacked). */
  segment: Array<Record<string, unknown>>;
}

export interface DemoServer {
  /** The address to open, such as `http://localhost:5180`. */
  url: string;
  port: number;
  siteId: number | undefined;
  uploads: ReceivedUploads;
  close(): Promise<void>;
}

/** Bundles the pages and starts serving them with the SDKs' local collection endpoints. */
export function startDemoServer(options?: DemoServerOptions): Promise<DemoServer>;
