// Login throttling: a delay that grows with consecutive failures, never a hard lock. Each sign-in
// attempt is counted against three keys: the account at this address, the account from anywhere
// and the address for any account. Past a few free failures, each key makes the next attempt wait
// (2 s, 4 s, 8 s, ... up to a cap), so guessing slows to a trickle while the owner, once the delay
// has passed, still gets in with the right password. Failures are forgotten after a quiet window.
export const LOGIN_WINDOW_MINUTES = 15;

export type ThrottleScope = 'account-address' | 'account' | 'address';

interface ThrottleRule {
  /** Failures allowed before any delay. */
  free: number;
  /** Longest delay between attempts, in seconds. */
  capSeconds: number;
}

export const THROTTLE_RULES: Record<ThrottleScope, ThrottleRule> = {
  // One person mistyping: five tries at once, then a growing wait.
  'account-address': { free: 5, capSeconds: 15 * 60 },
  // Guesses spread over many addresses: more room (colleagues on a shared account are not
  // a thing here, but a forgetful owner on two devices is), and a short cap so that nobody can
  // keep the owner out for long.
  account: { free: 10, capSeconds: 5 * 60 },
  // One address guessing many accounts (an office behind one NAT signs in often: be generous).
  address: { free: 50, capSeconds: 15 * 60 },
};

export function throttleKey(scope: ThrottleScope, email: string, ip: string): string {
  switch (scope) {
    case 'account-address':
      return `account-address:${email}|${ip}`;
    case 'account':
      return `account:${email}`;
    case 'address':
      return `address:${ip}`;
  }
}

/** Seconds to wait before the next attempt after `failures` consecutive failures. */
export function throttleDelaySeconds(scope: ThrottleScope, failures: number): number {
  const rule = THROTTLE_RULES[scope];
  if (failures < rule.free) return 0;
  return Math.min(rule.capSeconds, 2 ** Math.min(30, failures - rule.free + 1));
}
