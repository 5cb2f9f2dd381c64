interface ImportMetaEnv {
  /** Your Hotjar site id (Hotjar: Settings, Sites & Organizations). */
  readonly VITE_HOTJAR_SITE_ID?: string;
  /** Your Amplitude project's API key. */
  readonly VITE_AMPLITUDE_API_KEY?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
