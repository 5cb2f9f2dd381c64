import { SignUp } from './sign-up';

export default function SegmentHome() {
  return (
    <>
      <h1>Segment to Hotjar</h1>
      <p>Sign up, then move between the pages: each move is one Hotjar page change.</p>
      <SignUp />
    </>
  );
}
