// The instant every test run starts its clock at (TRIANGULATE_NOW), unless the environment
// already sets one (scripts/test-dates.sh runs the date-sensitive tests at other instants).
// Wednesday 25 November 2026, 10:30 UTC: mid-week (not a Monday, where a week-start bug hides),
// in Greenwich Mean Time, and already the next day in Pacific/Kiritimati (UTC+14), so a test or
// module reading the machine's local date instead of England's shows up there.
export const TEST_NOW = '2026-11-25T10:30:00Z';

export const testNow = (): string => process.env.TRIANGULATE_NOW || TEST_NOW;
