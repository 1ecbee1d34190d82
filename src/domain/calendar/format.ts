// Times written for people: in England's time zone, in the GOV.UK style ("14:32 on 8 December 2026").

/** Formats a time for conflict messages: "14:32 on 8 December 2026" (UK time). */
export function whenText(d: Date): string {
  const time = d.toLocaleTimeString('en-GB', {
    timeZone: 'Europe/London',
    hour: '2-digit',
    minute: '2-digit',
  });
  const day = d.toLocaleDateString('en-GB', {
    timeZone: 'Europe/London',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });
  return `${time} on ${day}`;
}
