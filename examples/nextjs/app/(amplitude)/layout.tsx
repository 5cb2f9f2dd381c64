import Link from 'next/link';
import type { ReactNode } from 'react';
import { Analytics } from './analytics';

export default function AmplitudeLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <nav>
        <Link href="/">Home</Link> <Link href="/pricing">Pricing</Link>
      </nav>
      <main>{children}</main>
      <Analytics />
    </>
  );
}
