import { afterEach } from 'vitest';
import type { VendorDriver, VendorSession } from './driver';

/**
 * The session opener of a describe block: each test opens at most one session with the driver's
 * options, and it is closed after the test whatever the test did.
 */
export function sessionPerTest(
  driver: VendorDriver,
): (...args: Parameters<VendorDriver['start']>) => Promise<VendorSession> {
  let session: VendorSession | undefined;
  afterEach(async () => {
    await session?.close();
    session = undefined;
  });
  return async (...args) => {
    session = await driver.start(...args);
    return session;
  };
}

/**
 * The last identify Hotjar received. It carries the attributes: a plugin may identify the user
 * on its own first (Amplitude's onIdentityChanged does, with no attributes).
 */
export const lastIdentify = (s: VendorSession) =>
  s
    .hotjarCalls()
    .filter((call) => call[0] === 'identify')
    .at(-1);
