import Link from 'next/link';
import type { ReactNode } from 'react';
import { Analytics } from './analytics';

export const metadata = { title: 'Amplitude to Hotjar with Next.js' };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <nav>
          <Link href="/">Home</Link> <Link href="/pricing">Pricing</Link>
        </nav>
        <main>{children}</main>
        <Analytics />
      </body>
    </html>
  );
}
