import type { HotjarBridgeOptions, HotjarCall, HotjarDiagnostic } from '@hotjar-bridge/core';
import type { DemoAction, DemoSdk } from './actions';
import { startAmplitude } from './amplitude';
import { eventMap } from './event-map';
import { type CallLog, createCallLog, type SdkName } from './log';
import { observedRuntime } from './observed-runtime';
import { startSegment } from './segment';

interface PageConfig {
  /** The Hotjar site id given to the server, or null when the demo runs offline. */
  siteId: number | null;
  live: boolean;
}

// Offline, the plugins need some site id; nothing is loaded or sent for it.
const PLACEHOLDER_SITE_ID = 1234567;

function readConfig(): PageConfig {
  const text = document.getElementById('page-config')?.textContent ?? '{}';
  return { siteId: null, live: false, ...(JSON.parse(text) as Partial<PageConfig>) };
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { className?: string; text?: string } = {},
  ...children: Array<Node | string>
) {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.text !== undefined) node.textContent = props.text;
  node.append(...children);
  return node;
}

function code(text: string) {
  return el('code', { text });
}

/** Builds the page and returns the parts the SDKs fill. */
function layout(config: PageConfig) {
  const consentState = el('strong', { className: 'consent-state' });
  const consentButton = el('button', { className: 'consent-button' });
  consentButton.type = 'button';
  const mode = config.live
    ? el('p', { className: 'mode mode-live' }, 'Live: Hotjar is loaded for site ', code(String(config.siteId)), '.')
    : el(
        'p',
        { className: 'mode mode-offline' },
        'Offline: Hotjar calls are shown here, not sent. Start the demo with ',
        code('HOTJAR_SITE_ID=<your site id>'),
        ' to load the real Hotjar.',
      );
  const header = el(
    'header',
    { className: 'top' },
    el('div', { className: 'title' }, el('h1', { text: 'hotjar-bridge demo' }), mode),
    el('div', { className: 'consent' }, el('span', { text: 'Hotjar consent: ' }), consentState, consentButton),
  );
  const intro = el(
    'p',
    { className: 'intro' },
    'Each button makes the SDK call shown in the log. Under it: the exact calls the plugin handed to ',
    code('window.hj'),
    ', and every field it dropped or changed, with the reason its ',
    code('onDiagnostic'),
    " callback gave. Amplitude's uploads and Segment's deliveries go to this demo's own server.",
  );
  const panels = el('section', { className: 'panels' });
  const uploads = el('p', { className: 'uploads' });
  const clear = el('button', { className: 'clear', text: 'Clear log' });
  clear.type = 'button';
  const logBox = el(
    'section',
    { className: 'log' },
    el(
      'div',
      { className: 'log-top' },
      el('h2', {}, 'What reached Hotjar ', el('span', { className: 'product', text: 'newest first' })),
      clear,
    ),
  );
  const main = el('main', { className: 'grid' }, el('div', { className: 'side' }, panels, uploads), logBox);
  document.body.append(header, intro, main);
  return { consentState, consentButton, panels, uploads, logBox, clear };
}

function panel(name: SdkName, product: string, usage: string) {
  const buttons = el('div', { className: 'buttons' });
  const box = el(
    'div',
    { className: `panel sdk-${name.toLowerCase()}` },
    el('h2', {}, `${name} `, el('span', { className: 'product', text: product })),
    el('p', { className: 'subtitle' }, code(usage)),
    buttons,
  );
  return { box, buttons };
}

const settle = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function addButtons(target: HTMLElement, name: SdkName, actions: DemoAction[], log: CallLog) {
  let busy = Promise.resolve();
  for (const action of actions) {
    const button = el('button', { text: action.label });
    button.type = 'button';
    button.dataset.sdk = name;
    button.addEventListener('click', () => {
      // One call at a time per SDK, so that what reaches Hotjar is listed under its own call.
      busy = busy.then(async () => {
        const code = typeof action.code === 'function' ? action.code() : action.code;
        const entry = log.open(name, action.label, code, { note: action.note, keptTraits: action.keptTraits });
        try {
          await action.run();
        } catch (error) {
          console.error(error);
        }
        // The SDKs hand events to destinations asynchronously; give them a moment.
        await settle(400);
        entry.close();
      });
    });
    target.append(button);
  }
}

async function main() {
  const config = readConfig();
  const page = layout(config);
  const log = createCallLog(page.logBox);
  page.clear.addEventListener('click', () => log.clear());

  let consentGiven = false;
  const sdks: DemoSdk[] = [];
  const renderConsent = () => {
    page.consentState.textContent = consentGiven ? 'granted' : 'pending';
    page.consentState.className = `consent-state ${consentGiven ? 'granted' : 'pending'}`;
    page.consentButton.textContent = consentGiven ? 'Revoke consent' : 'Grant consent';
  };
  renderConsent();
  page.consentButton.addEventListener('click', () => {
    consentGiven = !consentGiven;
    for (const sdk of sdks) {
      if (consentGiven) sdk.grantConsent();
      else sdk.revokeConsent();
    }
    renderConsent();
  });

  const bridge = (name: SdkName): HotjarBridgeOptions => ({
    siteId: config.siteId ?? PLACEHOLDER_SITE_ID,
    // Offline, Hotjar's script is never added: calls wait in window.hj's queue and go nowhere.
    loadScript: config.live,
    consent: 'pending',
    events: { map: eventMap },
    runtime: observedRuntime((call: HotjarCall) => log.hotjar(name, call)),
    onDiagnostic: (d: HotjarDiagnostic) => log.diagnostic(name, d),
  });

  const amplitudePanel = panel('Amplitude', 'Browser SDK 2', 'amplitude.add(hotjarPlugin({ ... }))');
  const segmentPanel = panel('Segment', 'Analytics.js 2.0', 'analytics.register(hotjarPlugin({ ... }))');
  page.panels.append(amplitudePanel.box, segmentPanel.box);

  const [amplitude, segment] = await Promise.all([
    startAmplitude(bridge('Amplitude')),
    startSegment(bridge('Segment'), () => consentGiven),
  ]);
  sdks.push(amplitude, segment);
  addButtons(amplitudePanel.buttons, 'Amplitude', amplitude.actions, log);
  addButtons(segmentPanel.buttons, 'Segment', segment.actions, log);
  document.body.dataset.ready = 'true';

  const showUploads = async () => {
    try {
      const response = await fetch('/uploads');
      const received = (await response.json()) as { amplitude: unknown[]; segment: unknown[] };
      page.uploads.textContent = `Received by this demo's server: ${received.amplitude.length} Amplitude events, ${received.segment.length} Segment calls.`;
    } catch {
      page.uploads.textContent = '';
    }
  };
  void showUploads();
  setInterval(showUploads, 1000);
}

void main();
