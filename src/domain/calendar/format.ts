// Times written for people: in England's time zone, in the GOV.UK style ("6 December 2026",
// "6:44pm", "6 December 2026, 6:44pm"; midday and midnight by name).

const dayFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
});
const timeParts = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: 'numeric',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "6 December 2026" (UK date of the instant). */
export function dayText(d: Date): string {
  return dayFormat.format(d);
}

/** "6:44pm", "9am", "midday", "midnight" (UK time). */
export function timeText(d: Date): string {
  const parts = timeParts.formatToParts(d);
  const h = Number(parts.find((p) => p.type === 'hour')?.value ?? 0);
  const m = parts.find((p) => p.type === 'minute')?.value ?? '00';
  if (m === '00' && h === 12) return 'midday';
  if (m === '00' && h === 0) return 'midnight';
  const h12 = h % 12 === 0 ? 12 : h % 12;
  return `${h12}${m === '00' ? '' : `:${m}`}${h < 12 ? 'am' : 'pm'}`;
}

/** "6 December 2026, 6:44pm": a moment in a table or list. */
export function dateTimeText(d: Date): string {
  return `${dayText(d)}, ${timeText(d)}`;
}

/** "6:44pm on 8 December 2026": a moment inside a sentence (conflict messages). */
export function whenText(d: Date): string {
  return `${timeText(d)} on ${dayText(d)}`;
}

/** "16 March 2026" from a calendar date written YYYY-MM-DD (no time zone involved). */
export function isoDayText(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return dayFormat.format(new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 12)));
}
