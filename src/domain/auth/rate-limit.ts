// Login throttling: failures within a window, per account and per client address.
export const LOGIN_WINDOW_MINUTES = 15;
export const MAX_FAILURES_PER_EMAIL = 5;
export const MAX_FAILURES_PER_IP = 30;

export function isLoginThrottled(failuresForEmail: number, failuresForIp: number): boolean {
  return failuresForEmail >= MAX_FAILURES_PER_EMAIL || failuresForIp >= MAX_FAILURES_PER_IP;
}
