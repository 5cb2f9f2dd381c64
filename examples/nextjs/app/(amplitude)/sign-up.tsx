'use client';

import * as amplitude from '@amplitude/analytics-browser';

export function SignUp() {
  const signUp = () => {
    amplitude.setUserId('user_42');
    amplitude.identify(new amplitude.Identify().set('plan', 'free').set('company', { name: 'Initech', size: 120 }));
    amplitude.track('Signed up', { method: 'email' });
  };
  return (
    <button type="button" onClick={signUp}>
      Sign up
    </button>
  );
}
