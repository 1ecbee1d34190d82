export interface Summary {
  n: number;
  p50: number;
  p95: number;
  max: number;
}

export function summarise(samples: number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
  return { n: s.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(s.at(-1) ?? NaN) };
}

export const round = (x: number): number => Math.round(x * 100) / 100;

export async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = performance.now();
  const r = await fn();
  return [performance.now() - t0, r];
}
