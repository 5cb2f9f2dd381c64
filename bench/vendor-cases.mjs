// The full plugin paths, added by the vendor packages' benchmarks.
export async function vendorCases(_hj) {
  return [];
}
