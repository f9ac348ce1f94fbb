import { GraphQLError } from 'graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function encodeGlobalId(typename: string, id: string | number | bigint): string {
  return Buffer.from(`${typename}:${id}`, 'utf8').toString('base64');
}

/** Decodes a Relay global id, rejecting anything that is not `<Type>:<uuid>` before it reaches SQL. */
export function decodeGlobalId(globalId: string): { typename: string; id: string } {
  const decoded = /^[A-Za-z0-9+/]+={0,2}$/.test(globalId) ? Buffer.from(globalId, 'base64').toString('utf8') : '';
  const colon = decoded.indexOf(':');
  const typename = decoded.slice(0, colon);
  const id = decoded.slice(colon + 1);
  if (colon <= 0 || !/^[A-Z][A-Za-z]+$/.test(typename) || !UUID.test(id)) {
    throw new GraphQLError(`Invalid ID "${globalId.slice(0, 100)}": not an id this service issued`, {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return { typename, id: id.toLowerCase() };
}

/** Decodes a global id that must name one type. */
export function decodeIdOf(typename: string, globalId: string): string {
  const decoded = decodeGlobalId(globalId);
  if (decoded.typename !== typename) {
    throw new GraphQLError(
      `Invalid ID "${globalId.slice(0, 100)}": expected a ${typename} id, got a ${decoded.typename} id`,
      {
        extensions: { code: 'BAD_USER_INPUT' },
      },
    );
  }
  return decoded.id;
}

/** Decodes an id argument into `issues` rather than throwing, so every bad field is reported together. */
export function tryDecode(
  typename: string,
  globalId: string | number,
  field: string,
  issues: { add(f: string, m: string): void },
): string {
  try {
    return decodeIdOf(typename, String(globalId));
  } catch {
    issues.add(field, `is not a ${typename} id`);
    return '';
  }
}
