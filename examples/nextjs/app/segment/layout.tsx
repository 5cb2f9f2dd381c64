import Link from 'next/link';
import type { ReactNode } from 'react';
import { SegmentAnalytics } from './analytics';

export default function SegmentLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <nav>
        <Link href="/segment">Home</Link> <Link href="/segment/pricing">Pricing</Link>
      </nav>
      <main>{children}</main>
      <SegmentAnalytics />
    </>
  );
}
