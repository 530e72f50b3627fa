// Times of day as written in meeting files: "14h30", "14:30", "9h".

export function minutesOfDay(time: string): number {
  const match = /^(\d{1,2})[:h](\d{2})?$/.exec(time.trim());
  if (!match) return Number.NaN;
  return Number(match[1]) * 60 + Number(match[2] ?? 0);
}
