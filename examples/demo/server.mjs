// @ts-check
// The demo server: bundles the demo page from the built packages (as an app that installed
// them would), serves it, and stands in for Amplitude's and Segment's collection endpoints so
// that nothing leaves the machine unless a Hotjar site id is given.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

/** @typedef {import('./server.d.mts').DemoPage} DemoPage */
/** @typedef {import('./server.d.mts').DemoServerOptions} DemoServerOptions */
/** @typedef {import('./server.d.mts').DemoServer} DemoServer */
/** @typedef {import('./server.d.mts').ReceivedUploads} ReceivedUploads */

/** @type {DemoPage} */
const DEMO_PAGE = {
  path: '/',
  entry: fileURLToPath(new URL('./src/demo.ts', import.meta.url)),
  title: 'hotjar-bridge demo',
  stylesheet: fileURLToPath(new URL('./src/demo.css', import.meta.url)),
};

/**
 * A Content Security Policy with no 'unsafe-inline' for scripts: only scripts carrying the
 * nonce run, plus the two hosts Hotjar documents for its own script. The collection hosts of
 * both SDKs are allowed for pages that upload to them.
 * @param {string} nonce
 */
function strictPolicy(nonce) {
  return [
    "default-src 'self'",
    `script-src 'nonce-${nonce}' https://static.hotjar.com https://script.hotjar.com`,
    "connect-src 'self' https://api2.amplitude.com https://api.segment.io https://*.hotjar.com https://*.hotjar.io wss://*.hotjar.com",
    "img-src 'self' data: https://*.hotjar.com",
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' https://script.hotjar.com",
    "frame-src 'self' https://*.hotjar.com",
    "object-src 'none'",
    "base-uri 'none'",
  ].join('; ');
}

/**
 * Hotjar's tracking code as its settings page hands it out, for pages that already carry it.
 * @param {number} siteId
 * @param {string | undefined} nonce
 */
function hotjarSnippet(siteId, nonce) {
  const attribute = nonce ? ` nonce="${nonce}"` : '';
  return `<script${attribute}>
    (function(h,o,t,j,a,r){
        h.hj=h.hj||function(){(h.hj.q=h.hj.q||[]).push(arguments)};
        h._hjSettings={hjid:${siteId},hjsv:6};
        a=o.getElementsByTagName('head')[0];
        r=o.createElement('script');r.async=1;
        r.src=t+h._hjSettings.hjid+j+h._hjSettings.hjsv;
        a.appendChild(r);
    })(window,document,'https://static.hotjar.com/c/hotjar-','.js?sv=');
</script>`;
}

/** @param {string} text */
function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * @param {DemoPage} page
 * @param {string} bundlePath
 * @param {Record<string, unknown>} config
 * @param {{ nonce?: string, snippetSiteId?: number }} extras
 */
function pageHtml(page, bundlePath, config, extras) {
  const nonce = extras.nonce ? ` nonce="${extras.nonce}"` : '';
  // JSON in a non-executing script block: readable by the page, untouched by the policy.
  const json = JSON.stringify(config).replace(/</g, '\\u003c');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(page.title)}</title>
<link rel="icon" href="data:,">
${page.stylesheet ? `<link rel="stylesheet" href="${bundlePath}.css">` : ''}
${extras.snippetSiteId ? hotjarSnippet(extras.snippetSiteId, extras.nonce) : ''}
<script type="application/json" id="page-config">${json}</script>
<script${nonce} src="${bundlePath}.js" defer></script>
</head>
<body></body>
</html>
`;
}

/** @param {import('node:http').IncomingMessage} request */
async function readJson(request) {
  const chunks = [];
  for await (const chunk of request) chunks.push(chunk);
  const text = Buffer.concat(chunks).toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** @param {string} entry */
async function bundle(entry) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    write: false,
    minify: false,
    sourcemap: 'inline',
    logLevel: 'silent',
    // The demo shows each report as a developer sees it while setting up: in words.
    define: { 'process.env.NODE_ENV': '"development"' },
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error(`esbuild produced nothing for ${entry}`);
  return file.text;
}

/**
 * @param {unknown} value
 * @returns {number | undefined}
 */
function siteIdFrom(value) {
  if (value === undefined || value === '') return undefined;
  if (typeof value === 'number' && Number.isSafeInteger(value) && value > 0) return value;
  if (typeof value === 'string' && /^\d+$/.test(value) && Number(value) > 0) return Number(value);
  throw new Error(`HOTJAR_SITE_ID must be your Hotjar site id (a positive integer), got ${JSON.stringify(value)}`);
}

/**
 * Starts the demo server. Resolves once the pages are bundled and the port is listening.
 * @param {DemoServerOptions} [options]
 * @returns {Promise<DemoServer>}
 */
export async function startDemoServer(options = {}) {
  const siteId = siteIdFrom(options.siteId);
  const pages = [DEMO_PAGE, ...(options.pages ?? [])];
  const bundles = new Map();
  await Promise.all(
    pages.map(async (page, index) => {
      const name = `/bundle-${index}`;
      const [js, css] = await Promise.all([
        bundle(page.entry),
        page.stylesheet ? readFile(page.stylesheet, 'utf8') : Promise.resolve(undefined),
      ]);
      bundles.set(page.path, { name, js, css });
    }),
  );
  const assets = new Map();
  for (const { name, js, css } of bundles.values()) {
    assets.set(`${name}.js`, { type: 'text/javascript; charset=utf-8', body: js });
    if (css !== undefined) assets.set(`${name}.css`, { type: 'text/css; charset=utf-8', body: css });
  }

  /** @type {ReceivedUploads} */
  const uploads = { amplitude: [], segment: [] };

  const server = createServer(async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const send = (/** @type {number} */ status, /** @type {string} */ type, /** @type {string} */ body) => {
      response.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
      response.end(body);
    };
    const sendJson = (/** @type {number} */ status, /** @type {unknown} */ body) =>
      send(status, 'application/json', JSON.stringify(body));

    try {
      if (request.method === 'POST' && url.pathname === '/amplitude/2/httpapi') {
        const body = await readJson(request);
        const events = Array.isArray(body?.events) ? body.events : [];
        uploads.amplitude.push(...events);
        return sendJson(200, {
          code: 200,
          events_ingested: events.length,
          payload_size_bytes: 0,
          server_upload_time: Date.now(),
        });
      }
      if (request.method === 'POST' && url.pathname.startsWith('/segment/v1/')) {
        const body = await readJson(request);
        if (Array.isArray(body?.batch)) uploads.segment.push(...body.batch);
        else if (body) uploads.segment.push(body);
        return sendJson(200, { success: true });
      }
      if (request.method === 'GET' && url.pathname === '/uploads') return sendJson(200, uploads);
      if (request.method === 'POST' && url.pathname === '/uploads/clear') {
        uploads.amplitude.length = 0;
        uploads.segment.length = 0;
        return sendJson(200, uploads);
      }
      const asset = request.method === 'GET' ? assets.get(url.pathname) : undefined;
      if (asset) return send(200, asset.type, asset.body);

      // The demo is a single-page app: its page changes move to paths that load it again.
      const page =
        request.method !== 'GET'
          ? undefined
          : (pages.find((p) => p.path === url.pathname) ??
            (/\.[a-z0-9]+$/i.test(url.pathname) || pages.some((p) => p !== DEMO_PAGE && url.pathname.startsWith(p.path))
              ? undefined
              : DEMO_PAGE));
      const built = page && bundles.get(page.path);
      if (!page || !built) return send(404, 'text/plain; charset=utf-8', 'Not found');

      // ?csp=strict serves the page under a strict policy with a fresh nonce;
      // ?snippet=<site id> puts Hotjar's own tracking code in the page first.
      const nonce = url.searchParams.get('csp') === 'strict' ? randomBytes(16).toString('base64') : undefined;
      const snippet = url.searchParams.get('snippet');
      const snippetSiteId = snippet && /^\d+$/.test(snippet) ? Number(snippet) : undefined;
      const config = { siteId: siteId ?? null, live: siteId !== undefined };
      /** @type {Record<string, string>} */
      const headers = { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' };
      if (nonce) headers['content-security-policy'] = strictPolicy(nonce);
      response.writeHead(200, headers);
      response.end(pageHtml(page, built.name, config, { nonce, snippetSiteId }));
    } catch (error) {
      send(500, 'text/plain; charset=utf-8', String(error));
    }
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve(undefined);
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;

  return {
    url: `http://${shownHost}:${port}`,
    port,
    siteId,
    uploads,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function main() {
  const requested = process.env.PORT;
  const port = requested ? Number(requested) : 5180;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`PORT must be a port number from 0 to 65535, got ${JSON.stringify(requested)}`);
    process.exit(1);
  }
  let server;
  try {
    server = await startDemoServer({
      port,
      host: process.env.HOST,
      siteId: process.env.HOTJAR_SITE_ID,
    });
  } catch (error) {
    if (!requested && /** @type {NodeJS.ErrnoException} */ (error).code === 'EADDRINUSE') {
      server = await startDemoServer({ port: 0, host: process.env.HOST, siteId: process.env.HOTJAR_SITE_ID });
    } else {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    }
  }
  console.log('');
  console.log(`  hotjar-bridge demo: ${server.url}/`);
  console.log('');
  console.log(
    server.siteId === undefined
      ? '  Offline: Hotjar calls are shown on the page, not sent. Set HOTJAR_SITE_ID=<your site id> to load the real Hotjar.'
      : `  Live: the page loads Hotjar for site ${server.siteId}.`,
  );
  console.log("  Amplitude's uploads and Segment's deliveries go to this server. Ctrl+C stops it.");
  const stop = () => {
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  void main();
}
