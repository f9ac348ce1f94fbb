import { GraphQLError, Kind } from 'graphql';
import { builder } from '../builder.js';

function toDate(value: unknown): Date {
  const date = value instanceof Date ? value : typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) {
    throw new GraphQLError(`DateTime must be an ISO 8601 date-time string, got ${JSON.stringify(value)}`);
  }
  return date;
}

builder.scalarType('DateTime', {
  description: 'An instant in time, as an ISO 8601 string in UTC (2025-02-21T09:10:00.000Z).',
  serialize: (value) => toDate(value).toISOString(),
  parseValue: (value) => toDate(value),
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('DateTime must be a string');
    return toDate(ast.value);
  },
});

builder.scalarType('JSON', {
  description: 'Any JSON value.',
  serialize: (value) => value,
  parseValue: (value) => value,
});
