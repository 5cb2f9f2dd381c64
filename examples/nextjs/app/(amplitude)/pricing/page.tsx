export default function Pricing() {
  return (
    <>
      <h1>Pricing</h1>
      <p>Free and Pro.</p>
    </>
  );
}
