import { Messages } from './messages';

export default function MessagesPage() {
  return (
    <>
      <h1>What the plugins say</h1>
      <p>
        Under <code>next dev</code> each refused option and each report is a sentence; after <code>next build</code> it
        is the short form, with the same fields.
      </p>
      <Messages />
    </>
  );
}
