'use client';

import { analytics } from './analytics';

export function SignUp() {
  const signUp = () => {
    analytics.identify('user_42', { plan: 'free', company: { name: 'Initech', employee_count: 120 } });
    analytics.track('Signed up', { method: 'email' });
  };
  return (
    <button type="button" onClick={signUp}>
      Sign up
    </button>
  );
}
