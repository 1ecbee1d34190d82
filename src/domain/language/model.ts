// A small statistical model for the Munro categories that phrase lists alone catch poorly: causal
// claims ("caseloads enable social workers to …", "this has had a positive impact on …") and
// over-certain claims about safety or outcomes. One logistic regression per category over word
// n-grams of the sentence (1-3 words, lower case, numbers folded to #), plus one feature for "the
// rule for this category matched here". Trained by scripts/language-eval/train-model.mjs on the
// development part of the labelled set (reference/language-eval); the weights ship in
// reference/language-eval/model.json and are loaded from disk, never downloaded.
//
// The model is explainable by construction: a sentence's score is the sum of the weights of its
// n-grams, so a finding names the n-grams that pushed it over the threshold.

/** The weights of one category's model. */
export interface CategoryModel {
  bias: number;
  /** Probability at or above which a sentence is flagged. */
  threshold: number;
  weights: Record<string, number>;
}

export interface LanguageModel {
  /** Free text: how and on what it was trained. */
  about: string;
  version: number;
  categories: Record<string, CategoryModel>;
}

/** The feature added when the category's own rule matched in the sentence. */
export const RULE_FEATURE = '§rule';

/** Lower-case word tokens; numbers become "#", curly apostrophes straight. */
export function tokens(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .match(/[\p{L}\p{N}]+(?:['-][\p{L}\p{N}]+)*/gu) ?? []
  ).map((t) => (/\d/.test(t) ? '#' : t));
}

/** The sentence's features: distinct 1-, 2- and 3-word sequences, and the rule feature. */
export function features(text: string, ruleMatched = false): string[] {
  const t = ['<s>', ...tokens(text), '</s>'];
  const out = new Set<string>();
  for (let i = 0; i < t.length; i++) {
    if (i > 0 && i < t.length - 1) out.add(t[i]!);
    if (i + 1 < t.length) out.add(`${t[i]} ${t[i + 1]}`);
    if (i + 2 < t.length) out.add(`${t[i]} ${t[i + 1]} ${t[i + 2]}`);
  }
  if (ruleMatched) out.add(RULE_FEATURE);
  return [...out];
}

export interface Score {
  probability: number;
  flagged: boolean;
  /** The features that pushed the score up most, strongest first (for the finding's reason). */
  cues: Array<{ feature: string; weight: number }>;
}

export function scoreSentence(
  model: CategoryModel,
  text: string,
  ruleMatched = false,
  maxCues = 3,
): Score {
  let z = model.bias;
  const present: Array<{ feature: string; weight: number }> = [];
  for (const f of features(text, ruleMatched)) {
    const w = model.weights[f];
    if (w === undefined) continue;
    z += w;
    if (w > 0) present.push({ feature: f, weight: w });
  }
  const probability = 1 / (1 + Math.exp(-z));
  present.sort((a, b) => b.weight - a.weight || a.feature.localeCompare(b.feature));
  return { probability, flagged: probability >= model.threshold, cues: present.slice(0, maxCues) };
}

export interface TrainingItem {
  features: string[];
  /** 1 when the sentence belongs to the category. */
  y: 0 | 1;
}

/**
 * Fits a logistic regression by stochastic gradient descent with L2 regularisation, visiting the
 * items in their given order each epoch (deterministic: same items, same weights). Positive items
 * count `positiveWeight` times (the categories are rare). Features seen in fewer than `minCount`
 * items are dropped; weights smaller than `prune` in absolute value are not kept.
 */
export function trainLogistic(
  items: readonly TrainingItem[],
  options: {
    epochs?: number;
    rate?: number;
    l2?: number;
    minCount?: number;
    prune?: number;
    positiveWeight?: number;
  } = {},
): { bias: number; weights: Record<string, number> } {
  const { epochs = 30, rate = 0.05, l2 = 1e-4, minCount = 2, prune = 0.005 } = options;
  const positives = items.filter((i) => i.y === 1).length;
  const positiveWeight =
    options.positiveWeight ?? Math.sqrt((items.length - positives) / Math.max(1, positives));
  const counts = new Map<string, number>();
  for (const it of items) for (const f of it.features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const vocab = [...counts.keys()].filter((f) => counts.get(f)! >= minCount).sort();
  const index = new Map(vocab.map((f, i) => [f, i]));
  const rows = items.map((it) => ({
    x: it.features.map((f) => index.get(f)).filter((i): i is number => i !== undefined),
    y: it.y,
  }));
  const w = new Float64Array(vocab.length);
  let b = 0;
  for (let e = 0; e < epochs; e++) {
    const lr = rate / (1 + e / 10);
    for (const r of rows) {
      let z = b;
      for (const i of r.x) z += w[i]!;
      const err = (1 / (1 + Math.exp(-z)) - r.y) * (r.y === 1 ? positiveWeight : 1);
      b -= lr * err;
      for (const i of r.x) w[i] = w[i]! - lr * (err + l2 * w[i]!);
    }
  }
  const weights: Record<string, number> = {};
  vocab.forEach((f, i) => {
    if (Math.abs(w[i]!) >= prune) weights[f] = Math.round(w[i]! * 1e4) / 1e4;
  });
  return { bias: Math.round(b * 1e4) / 1e4, weights };
}
