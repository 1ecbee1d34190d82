// Which codes a code stands for in a query: itself and, when asked, every code below it in the
// codebook (a folder such as a judgement area stands for all its criteria and their subcodes).

export interface TreeEntry {
  id: string;
  parentId: string | null;
}

/** Each root with the ids it stands for (itself first); roots not in the codebook are absent. */
export function expandInTree(
  entries: TreeEntry[],
  roots: string[],
  withDescendants: boolean,
): Map<string, string[]> {
  const known = new Set(entries.map((e) => e.id));
  const children = new Map<string, string[]>();
  for (const e of entries) {
    if (e.parentId === null) continue;
    const list = children.get(e.parentId);
    if (list) list.push(e.id);
    else children.set(e.parentId, [e.id]);
  }
  const out = new Map<string, string[]>();
  for (const root of roots) {
    if (!known.has(root) || out.has(root)) continue;
    const ids = [root];
    if (withDescendants) {
      const seen = new Set(ids);
      for (let i = 0; i < ids.length; i++)
        for (const c of children.get(ids[i]!) ?? [])
          if (!seen.has(c)) {
            seen.add(c);
            ids.push(c);
          }
    }
    out.set(root, ids);
  }
  return out;
}
