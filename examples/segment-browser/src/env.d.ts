interface ImportMetaEnv {
  /** Your Hotjar site id (Hotjar: Settings, Sites & Organizations). */
  readonly VITE_HOTJAR_SITE_ID?: string;
  /** Your Segment source's write key. */
  readonly VITE_SEGMENT_WRITE_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
