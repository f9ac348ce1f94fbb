import { GraphQLError, type GraphQLResolveInfo, Kind, type SelectionNode } from 'graphql';

export const MAX_PAGE_SIZE = 100;

interface PageArgs {
  first?: number | null;
  last?: number | null;
}

/**
 * Page-size guard for every connection: Pothos would silently clamp `first: 500` to 100, which
 * hides the client's bug, so an out-of-range size is an error instead.
 */
export function checkedMaxSize(args: PageArgs): number {
  for (const name of ['first', 'last'] as const) {
    const value = args[name];
    if (value == null) continue;
    if (value < 0) throw badInput(`Argument "${name}" must be between 0 and ${MAX_PAGE_SIZE}, got ${value}`);
    if (value > MAX_PAGE_SIZE) throw badInput(`Argument "${name}" must be at most ${MAX_PAGE_SIZE}, got ${value}`);
  }
  if (args.first != null && args.last != null) throw badInput('Use "first" or "last", not both');
  return MAX_PAGE_SIZE;
}

/**
 * The most rows a plain list field (an article's attributions, quotes, corrections, revisions)
 * returns: a hostile or runaway article cannot make one answer unbounded. Longer lists page
 * elsewhere (Source.attributions, the corrections feed, revision(version:)).
 */
export const LIST_CAP = 500;

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Whether the client selected the field path `names` under this field (fragments included):
 * `selects(info, 'totalCount')`, `selects(info, 'edges', 'highlight')`.
 */
export function selects(info: GraphQLResolveInfo, ...names: string[]): boolean {
  const visit = (selections: readonly SelectionNode[], depth: number, seen: Set<string>): boolean =>
    selections.some((s) => {
      if (s.kind === Kind.FIELD) {
        if (s.name.value !== names[depth]) return false;
        return (
          depth === names.length - 1 || (s.selectionSet ? visit(s.selectionSet.selections, depth + 1, seen) : false)
        );
      }
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet.selections, depth, seen);
      if (seen.has(s.name.value)) return false;
      const fragment = info.fragments[s.name.value];
      return fragment ? visit(fragment.selectionSet.selections, depth, new Set(seen).add(s.name.value)) : false;
    });
  return info.fieldNodes.some((node) =>
    node.selectionSet ? visit(node.selectionSet.selections, 0, new Set()) : false,
  );
}
