import { afterEach, it } from 'vitest';
import { type SegmentSession, type SegmentSessionOptions, startSegment } from '../../../test/drivers/segment';

const earlier: SegmentSession[] = [];
afterEach(async () => { for (const s of earlier.splice(0).reverse()) await s.close(); });
const open = async (o: SegmentSessionOptions) => { const s = await startSegment(o); earlier.push(s); return s; };
const show = (l: string, v: unknown) => console.log(l, JSON.stringify(v));

it('reset then reload', async () => {
  const s = await open({ persist: true });
  s.remember(s.analytics.identify('u1', { plan: 'pro', address: { city: 'x' }, tags: ['a'], contact: 'jane@example.com', email: 'jane@example.com', 'jane@example.com': 1 }));
  await s.settle();
  const t = await open({ persist: true, reload: true });
  await t.track('A');
  await t.settle();
  show('reload calls', t.hotjarCalls());
  show('reload diag', t.diagnostics().map((d) => d.message));
  await t.analytics.reset();
  const u = await open({ persist: true, reload: true });
  await u.track('B');
  await u.settle();
  show('after reset calls', u.hotjarCalls());
  show('after reset diag', u.diagnostics().map((d) => d.message));
});

it('anonymous traits reload', async () => {
  const s = await open({ persist: true, plugin: { identifyAnonymous: true } });
  s.remember(s.analytics.identify({ name: 'Peter', utm_source: 'g', referrer: 'jane@example.com' }));
  await s.settle();
  const t = await open({ persist: true, reload: true, plugin: { identifyAnonymous: true } });
  await t.settle();
  show('anon reload calls', t.hotjarCalls());
  show('anon reload diag', t.diagnostics().map((d) => d.message));
});

it('page email path', async () => {
  const s = await open({ plugin: { pageChanges: true } });
  window.history.pushState({}, '', '/users/jane@example.com?x=1');
  await s.page();
  await s.page('X', { path: '/p/x', url: 'https://ex.com/p/jane@example.com' });
  await s.page('X', { path: 5 });
  await s.settle();
  show('spage calls', s.hotjarCalls());
  show('spage diag', s.diagnostics().map((d) => d.message));
  window.history.pushState({}, '', '/');
});
