// Checks beyond the zod shape: unique keys, parents that exist, rules and templates that refer
// to real judgements and grades, sensible date windows. Each problem names its JSON path.
import { checkActivityRulesRefs } from '../scheduling/validate-rules.js';
import { COMPARATORS, type Condition, type Framework, type OperandInput } from './schema.js';

export interface Problem {
  /** JSON path inside the file, e.g. "aggregation.rules[2].when.any[1]". */
  field: string;
  reason: string;
}

/** Formats a zod-style path (["rules", 2, "id"]) as "rules[2].id". */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out || '(file)';
}

const PLACEHOLDER = /\{([^}]*)\}/g;
const PLACEHOLDERS = new Set(['la', 'title', 'grade']);
/** Placeholders of a section's standard paragraphs (filled from the activity's facts). */
const TEXT_PLACEHOLDERS = new Set(['la', 'dates', 'lead', 'theme', 'visit']);

export function checkFramework(fw: Framework): Problem[] {
  const problems: Problem[] = [];
  const add = (field: string, reason: string) => problems.push({ field, reason });

  const unique = <T>(
    items: readonly T[],
    keyOf: (t: T) => string | number,
    path: string,
    what: string,
  ) => {
    const seen = new Map<string | number, number>();
    items.forEach((item, i) => {
      const k = keyOf(item);
      const first = seen.get(k);
      if (first !== undefined)
        add(`${path}[${i}]`, `Duplicate ${what} '${k}' (first used at ${path}[${first}])`);
      else seen.set(k, i);
    });
  };
  const checkWindow = (
    w: { validFrom?: string | undefined; validTo?: string | null | undefined },
    path: string,
  ) => {
    if (w.validFrom && w.validTo && w.validTo < w.validFrom) {
      add(
        path ? `${path}.validTo` : 'validTo',
        `validTo (${w.validTo}) is before validFrom (${w.validFrom})`,
      );
    }
  };

  checkWindow(fw, '');
  // Grades: best first, numbered 1, 2, 3 ... in that order.
  unique(fw.grades, (g) => g.key, 'grades', 'grade key');
  fw.grades.forEach((g, i) => {
    if (g.numeric !== i + 1)
      add(`grades[${i}].numeric`, `Grades are listed best first, so this one should be ${i + 1}`);
    g.labelVariants.forEach((v, j) => checkWindow(v, `grades[${i}].labelVariants[${j}]`));
  });
  const gradeKeys = new Set(fw.grades.map((g) => g.key));

  // Judgements.
  unique(fw.judgements, (j) => j.key, 'judgements', 'judgement key');
  const judgements = new Map(fw.judgements.map((j) => [j.key, j]));
  if (fw.judgements.filter((j) => j.kind === 'headline').length > 1) {
    add('judgements', 'At most one judgement may be the headline');
  }
  fw.judgements.forEach((j, i) => {
    const path = `judgements[${i}].parent`;
    if (j.kind !== 'sub-judgement') {
      if (j.parent !== undefined)
        add(path, `Only a sub-judgement has a parent; '${j.key}' is ${j.kind}`);
      return;
    }
    const parent = j.parent === undefined ? undefined : judgements.get(j.parent);
    if (j.parent === undefined) add(path, 'A sub-judgement must name its parent judgement');
    else if (!parent) add(path, `No judgement has the key '${j.parent}'`);
    else if (parent.key === j.key || parent.kind === 'sub-judgement') {
      add(path, `The parent '${j.parent}' must be a key or headline judgement`);
    }
  });
  const gradedJudgement = (k: string, path: string) => {
    const j = judgements.get(k);
    if (!j) add(path, `No judgement has the key '${k}'`);
    else if (!j.graded) add(path, `The judgement '${k}' is not graded`);
  };

  // Aggregation rules: every input must be a graded judgement, every literal a grade.
  unique(fw.aggregation.rules, (r) => r.id, 'aggregation.rules', 'rule id');
  const operand = (o: OperandInput, path: string) => {
    if (typeof o === 'string' || o.grade !== undefined) {
      const g = typeof o === 'string' ? o : (o.grade as string);
      if (!gradeKeys.has(g))
        add(path, `No grade has the key '${g}' (grades: ${[...gradeKeys].join(', ')})`);
      return;
    }
    if (o.judgement !== undefined) gradedJudgement(o.judgement, `${path}.judgement`);
    o.worstOf?.forEach((k, i) => gradedJudgement(k, `${path}.worstOf[${i}]`));
    o.bestOf?.forEach((k, i) => gradedJudgement(k, `${path}.bestOf[${i}]`));
  };
  const condition = (c: Condition, path: string) => {
    c.and?.forEach((sub, i) => condition(sub, `${path}.and[${i}]`));
    c.or?.forEach((sub, i) => condition(sub, `${path}.or[${i}]`));
    if (c.not) condition(c.not, `${path}.not`);
    if (c.judgement !== undefined) gradedJudgement(c.judgement, `${path}.judgement`);
    c.any?.forEach((k, i) => gradedJudgement(k, `${path}.any[${i}]`));
    c.all?.forEach((k, i) => gradedJudgement(k, `${path}.all[${i}]`));
    for (const cmp of COMPARATORS) {
      const o = c[cmp];
      if (o !== undefined) operand(o, `${path}.${cmp}`);
    }
  };
  fw.aggregation.rules.forEach((r, i) => {
    if (r.when) condition(r.when, `aggregation.rules[${i}].when`);
    condition(r.require, `aggregation.rules[${i}].require`);
  });

  // Evaluation criteria.
  unique(fw.criteria.areas, (a) => a.judgement, 'criteria.areas', 'criteria area for judgement');
  unique(
    fw.criteria.areas.flatMap((a) => a.items),
    (c) => c.key,
    'criteria.(all items)',
    'criterion key',
  );
  fw.criteria.areas.forEach((a, i) => {
    if (!judgements.has(a.judgement))
      add(`criteria.areas[${i}].judgement`, `No judgement has the key '${a.judgement}'`);
    for (const g of Object.keys(a.gradeDescriptors ?? {})) {
      if (!gradeKeys.has(g))
        add(`criteria.areas[${i}].gradeDescriptors.${g}`, `No grade has the key '${g}'`);
    }
  });

  // Report templates and improvement-item conventions (referenced by activity types).
  unique(fw.reportTemplates, (t) => t.key, 'reportTemplates', 'report template key');
  fw.reportTemplates.forEach((t, i) => {
    checkWindow(t, `reportTemplates[${i}]`);
    unique(t.sections, (s) => s.key, `reportTemplates[${i}].sections`, 'section key');
    t.sections.forEach((s, k) => {
      const path = `reportTemplates[${i}].sections[${k}]`;
      if (s.judgement !== undefined && !judgements.has(s.judgement)) {
        add(`${path}.judgement`, `No judgement has the key '${s.judgement}'`);
      }
      s.text.forEach((para, n) => {
        for (const [, name = ''] of para.matchAll(PLACEHOLDER)) {
          if (!TEXT_PLACEHOLDERS.has(name))
            add(
              `${path}.text[${n}]`,
              `Unknown placeholder {${name}}; use ${[...TEXT_PLACEHOLDERS].map((p) => `{${p}}`).join(', ')}`,
            );
        }
      });
      for (const g of Object.keys(s.gradePhrases ?? {})) {
        if (!gradeKeys.has(g)) add(`${path}.gradePhrases.${g}`, `No grade has the key '${g}'`);
      }
      for (const [, name = ''] of (s.heading ?? '').matchAll(PLACEHOLDER)) {
        if (!PLACEHOLDERS.has(name))
          add(`${path}.heading`, `Unknown placeholder {${name}}; use {la}, {title} or {grade}`);
        else if (name !== 'la' && s.judgement === undefined) {
          add(`${path}.heading`, `{${name}} needs the section to name its judgement`);
        }
      }
    });
  });
  const allTemplateKeys = new Set(fw.reportTemplates.map((t) => t.key));
  fw.reportTemplates.forEach((t, i) =>
    t.annexes.forEach((k, j) => {
      if (!allTemplateKeys.has(k) || k === t.key)
        add(`reportTemplates[${i}].annexes[${j}]`, `No other report template has the key '${k}'`);
    }),
  );
  unique(fw.improvementItems, (c) => c.key, 'improvementItems', 'improvement convention key');
  fw.improvementItems.forEach((c, i) => {
    checkWindow(c, `improvementItems[${i}]`);
    unique(c.categories, (x) => x.key, `improvementItems[${i}].categories`, 'category key');
  });
  const templateKeys = new Set(fw.reportTemplates.map((t) => t.key));
  const conventionKeys = new Set(fw.improvementItems.map((c) => c.key));

  // Activity types.
  unique(fw.activityTypes, (a) => a.key, 'activityTypes', 'activity type key');
  fw.activityTypes.forEach((a, i) => {
    const path = `activityTypes[${i}]`;
    checkWindow(a, path);
    a.judgements.forEach((k, j) => gradedJudgement(k, `${path}.judgements[${j}]`));
    if (a.output === 'graded_report' && a.judgements.length === 0) {
      add(`${path}.judgements`, 'A graded report must list the judgements it grades');
    }
    if (a.output !== 'graded_report' && a.judgements.length > 0) {
      add(
        `${path}.judgements`,
        `Only a graded report grades judgements; this output is '${a.output}'`,
      );
    }
    if (!a.hasTheme && a.themes.length > 0)
      add(`${path}.themes`, 'Themes are listed but hasTheme is false');
    unique(a.themes, (t) => t.key, `${path}.themes`, 'theme key');
    a.themes.forEach((t, j) => checkWindow(t, `${path}.themes[${j}]`));
    if (a.hasPartnerInspectorates !== a.partnerInspectorates.length > 0) {
      add(
        `${path}.partnerInspectorates`,
        'List partner inspectorates exactly when hasPartnerInspectorates is true',
      );
    }
    unique(
      a.partnerInspectorates,
      (p) => p.key,
      `${path}.partnerInspectorates`,
      'inspectorate key',
    );
    const partners = new Set(a.partnerInspectorates.map((p) => p.key));
    a.themes.forEach((t, j) =>
      t.partners?.forEach((p, k) => {
        if (!partners.has(p))
          add(
            `${path}.themes[${j}].partners[${k}]`,
            `'${p}' is not one of this activity's partner inspectorates`,
          );
      }),
    );
    a.reportTemplates.forEach((k, j) => {
      if (!templateKeys.has(k))
        add(`${path}.reportTemplates[${j}]`, `No report template has the key '${k}'`);
    });
    a.improvementItems.forEach((k, j) => {
      if (!conventionKeys.has(k))
        add(`${path}.improvementItems[${j}]`, `No improvement convention has the key '${k}'`);
    });
  });
  if (fw.activityRules)
    problems.push(
      ...checkActivityRulesRefs(fw.activityRules, {
        grades: fw.grades.map((g) => g.key),
        activityTypes: fw.activityTypes.map((a) => a.key),
      }),
    );
  const judgementKeys = new Set(fw.judgements.map((j) => j.key));
  fw.fieldwork?.serviceAreas.forEach((a, i) => {
    const path = `fieldwork.serviceAreas[${i}]`;
    if (fw.fieldwork?.serviceAreas.findIndex((b) => b.key === a.key) !== i)
      add(`${path}.key`, `Service area '${a.key}' appears twice`);
    for (const k of a.judgements)
      if (!judgementKeys.has(k)) add(`${path}.judgements`, `No judgement has the key '${k}'`);
  });
  return problems;
}
