import { relations } from '@newsgraph/db';
import SchemaBuilder from '@pothos/core';
import DrizzlePlugin from '@pothos/plugin-drizzle';
import ErrorsPlugin from '@pothos/plugin-errors';
import RelayPlugin from '@pothos/plugin-relay';
import ScopeAuthPlugin from '@pothos/plugin-scope-auth';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { GraphQLError } from 'graphql';
import type { Context, Role } from './context.js';
import { decodeGlobalId, encodeGlobalId } from './ids.js';

const rank: Record<Role, number> = { READER: 1, EDITOR: 2, ADMIN: 3 };

export interface PothosTypes {
  Context: Context;
  DrizzleRelations: typeof relations;
  DefaultFieldNullability: false;
  DefaultEdgesNullability: { list: false; items: false };
  DefaultNodeNullability: false;
  AuthScopes: { reader: boolean; editor: boolean; admin: boolean };
  Scalars: {
    DateTime: { Input: Date; Output: Date | string };
    JSON: { Input: unknown; Output: unknown };
  };
}

export const builder = new SchemaBuilder<PothosTypes>({
  plugins: [ScopeAuthPlugin, ErrorsPlugin, RelayPlugin, DrizzlePlugin],
  defaultFieldNullability: false,
  drizzle: {
    client: (ctx) => ctx.readDb,
    getTableConfig,
    relations,
    defaultConnectionSize: 20,
    maxConnectionSize: 100,
  },
  relay: {
    clientMutationId: 'omit',
    cursorType: 'String',
    edgesFieldOptions: { nullable: { list: false, items: false } },
    nodeFieldOptions: { nullable: false },
    nodesQueryOptions: false,
    nodeQueryOptions: {
      description: 'Any object by its global id; null when there is none.',
      // The drizzle loader rejects for a well-formed id with no row; a missing node is null, not an error.
      resolve: async (_root, args, _ctx, _info, resolveNode) => {
        try {
          return await resolveNode(args.id);
        } catch (error) {
          if (error instanceof Error && /^Model \w+\(.*\) not found$/.test(error.message)) return null;
          throw error;
        }
      },
    },
    encodeGlobalID: encodeGlobalId,
    decodeGlobalID: decodeGlobalId,
  },
  scopeAuth: {
    // No key is UNAUTHENTICATED; a key with too low a role is FORBIDDEN. Either way nothing runs.
    unauthorizedError: (_parent, ctx) =>
      ctx.viewer
        ? new GraphQLError(`The key "${ctx.viewer.label}" (${ctx.viewer.role}) may not do this`, {
            extensions: { code: 'FORBIDDEN' },
          })
        : new GraphQLError('This needs an API key: send "Authorization: Bearer <key>"', {
            extensions: { code: 'UNAUTHENTICATED' },
          }),
    authScopes: (ctx) => ({
      reader: !!ctx.viewer && rank[ctx.viewer.role] >= rank.READER,
      editor: !!ctx.viewer && rank[ctx.viewer.role] >= rank.EDITOR,
      admin: !!ctx.viewer && rank[ctx.viewer.role] >= rank.ADMIN,
    }),
  },
  errors: {
    defaultTypes: [],
    // mutation results are `<Field>Result = <Field>Success | ValidationError | …`, switched on __typename
    directResult: true,
    defaultUnionOptions: { name: ({ fieldName }) => `${fieldName[0]?.toUpperCase()}${fieldName.slice(1)}Result` },
  },
});

/** The builder's resolved schema types, for annotating refs that would otherwise infer in a cycle. */
export type Types = typeof builder extends PothosSchemaTypes.SchemaBuilder<infer T> ? T : never;
