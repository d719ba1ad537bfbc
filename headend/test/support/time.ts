export const MINUTE_MS = 60 * 1000;
