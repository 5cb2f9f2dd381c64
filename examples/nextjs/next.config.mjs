/** @type {import('next').NextConfig} */
const nextConfig = {
  // Keeps the example's pages free of the "X-Powered-By: Next.js" header; nothing else to set.
  poweredByHeader: false,
};

export default nextConfig;
