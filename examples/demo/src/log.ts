import type { HotjarCall, HotjarDiagnostic } from '@hotjar-bridge/core';
import type { KeptTraits } from './actions';
import { hotjarCallSource } from './format';

export type SdkName = 'Amplitude' | 'Segment';

/** The part of the page that lists each SDK call with what reached Hotjar. */
export interface CallLog {
  /** Opens an entry for an SDK call; what the plugin does until `close()` is listed under it. */
  open(sdk: SdkName, title: string, code: string, extra?: { note?: string; keptTraits?: KeptTraits }): LogEntry;
  /** Records a Hotjar call or diagnostic from `sdk`'s plugin. */
  hotjar(sdk: SdkName, call: HotjarCall): void;
  diagnostic(sdk: SdkName, diagnostic: HotjarDiagnostic): void;
  clear(): void;
}

export interface LogEntry {
  close(): void;
}

const SYMBOLS: Record<HotjarDiagnostic['kind'], string> = {
  dropped: 'dropped',
  truncated: 'shortened',
  renamed: 'changed',
  skipped: 'not sent',
  load: 'loading',
};

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string) {
  const node = document.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function createCallLog(container: HTMLElement): CallLog {
  const list = element('ol', 'log-list');
  const empty = element(
    'p',
    'log-empty',
    'Press a button on the left: each SDK call appears here with what it sent to Hotjar.',
  );
  container.append(empty, list);
  type Open = { item: HTMLElement; results: HTMLElement; count: number; kept?: KeptTraits; keptNote?: HTMLElement };
  const open = new Map<SdkName, Open>();

  const newEntry = (sdk: SdkName, title: string, code: string | undefined, note?: string): Open => {
    empty.hidden = true;
    const item = element('li', `log-entry sdk-${sdk.toLowerCase()}`);
    const head = element('div', 'log-head');
    head.append(element('span', 'badge', sdk), element('span', 'log-title', title));
    item.append(head);
    if (code) item.append(element('pre', 'sdk-code', code));
    if (note) item.append(element('p', 'log-note', note));
    const results = element('ul', 'log-results');
    item.append(results);
    list.prepend(item);
    return { item, results, count: 0 };
  };

  const target = (sdk: SdkName) => {
    const current = open.get(sdk);
    if (current) return current;
    // Something the SDK did on its own, such as a page view it tracked.
    const automatic = newEntry(sdk, 'Sent by the SDK on its own', undefined);
    open.set(sdk, automatic);
    queueMicrotask(() => setTimeout(() => close(sdk, automatic), 300));
    return automatic;
  };

  const close = (sdk: SdkName, entry: Open) => {
    if (open.get(sdk) === entry) open.delete(sdk);
    if (entry.count === 0) entry.results.append(element('li', 'result result-none', 'Nothing reached Hotjar.'));
    entry.item.dataset.done = 'true';
  };

  const add = (sdk: SdkName, className: string, label: string, text: string, isCall: boolean, earlier = false) => {
    const entry = target(sdk);
    if (isCall) entry.count += 1;
    const row = element('li', `result ${className}`);
    const textCell = element('code', 'result-text', text);
    if (earlier) textCell.append(element('span', 'result-earlier', 'from an earlier call'));
    row.append(element('span', 'result-label', label), textCell);
    entry.results.append(row);
    if (earlier && entry.kept && !entry.keptNote) {
      entry.keptNote = element('p', 'log-note', entry.kept.note);
      entry.results.before(entry.keptNote);
    }
  };

  // A field left out that the call did not pass itself: the SDK sent it again from an earlier call.
  const fromEarlierCall = (entry: Open | undefined, d: HotjarDiagnostic) =>
    entry?.kept !== undefined &&
    d.call === 'identify' &&
    d.subject !== undefined &&
    !entry.kept.fields.some((field) => d.subject === field || d.subject?.startsWith(`${field}_`));

  return {
    open(sdk, title, code, extra = {}) {
      const previous = open.get(sdk);
      if (previous) close(sdk, previous);
      const entry = newEntry(sdk, title, code, extra.note);
      entry.kept = extra.keptTraits;
      open.set(sdk, entry);
      return { close: () => close(sdk, entry) };
    },
    hotjar(sdk, call) {
      add(sdk, 'result-call', 'to Hotjar', hotjarCallSource(call), true);
    },
    diagnostic(sdk, d) {
      const earlier = fromEarlierCall(open.get(sdk), d);
      add(sdk, `result-diagnostic kind-${d.kind}`, SYMBOLS[d.kind], d.message, false, earlier);
    },
    clear() {
      open.clear();
      list.replaceChildren();
      empty.hidden = false;
    },
  };
}
