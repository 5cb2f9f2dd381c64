export default function SegmentPricing() {
  return (
    <>
      <h1>Pricing</h1>
      <p>Free and Pro.</p>
    </>
  );
}
