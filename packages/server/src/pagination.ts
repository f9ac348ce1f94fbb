import { GraphQLError, type GraphQLResolveInfo, Kind } from 'graphql';

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

export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/** Whether the client selected `name` directly under this field (fragments included). */
export function selects(info: GraphQLResolveInfo, name: string): boolean {
  const seen = new Set<string>();
  const visit = (selections: readonly import('graphql').SelectionNode[]): boolean =>
    selections.some((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === name;
      if (s.kind === Kind.INLINE_FRAGMENT) return visit(s.selectionSet.selections);
      if (seen.has(s.name.value)) return false;
      seen.add(s.name.value);
      const fragment = info.fragments[s.name.value];
      return fragment ? visit(fragment.selectionSet.selections) : false;
    });
  return info.fieldNodes.some((node) => (node.selectionSet ? visit(node.selectionSet.selections) : false));
}
