/** Redis's cron runs active expiry ten times a second (hz 10); the cache and sessions share it. */
export const ACTIVE_EXPIRE_PERIOD_MS = 100;
