/**
 * How often live pages (dashboard, scorecard) ask again: often enough that a roll-up folded every
 * couple of seconds shows within the quarter minute, rare enough that an open tab costs little.
 * React Query stops the interval while the tab is hidden (refetchIntervalInBackground is false).
 */
export const LIVE_REFRESH_MS = 15_000;
