/** Account protection settings (GB/T 22239 level 3 expectations). */
export const AUTH_POLICY = {
  maxFailedLogins: 5,
  lockMinutes: 15,
  idleMinutes: 30,
  absoluteHours: 12,
  /** Login attempts allowed per client address per window. */
  loginAttemptsPerWindow: 20,
  loginWindowSeconds: 60,
  /** last_seen_at is written at most this often, to keep reads from turning into writes. */
  touchEverySeconds: 60,
} as const;

export const SESSION_COOKIE = 'fq_session';
