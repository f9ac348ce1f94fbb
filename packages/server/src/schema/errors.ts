import { builder } from '../builder.js';
import { DuplicateError, type FieldIssue, NotFoundError, ValidationError, VersionConflictError } from '../errors.js';

const ErrorInterface = builder.interfaceRef<Error>('Error').implement({
  description: 'An expected failure of a mutation; switch on __typename.',
  fields: (t) => ({ message: t.exposeString('message') }),
});

const FieldIssueRef = builder.objectRef<FieldIssue>('FieldIssue').implement({
  fields: (t) => ({ field: t.exposeString('field'), message: t.exposeString('message') }),
});

builder.objectType(ValidationError, {
  name: 'ValidationError',
  description: 'The input was invalid; `issues` names each field and what is wrong with it. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ issues: t.field({ type: [FieldIssueRef], resolve: (e) => e.issues }) }),
});

builder.objectType(NotFoundError, {
  name: 'NotFoundError',
  description: 'Something the input names does not exist. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ id: t.exposeID('id', { nullable: true }) }),
});

builder.objectType(VersionConflictError, {
  name: 'VersionConflictError',
  description: 'Someone changed the article first. Nothing was changed: reload at currentVersion and try again.',
  interfaces: [ErrorInterface],
  fields: (t) => ({
    currentVersion: t.exposeInt('currentVersion'),
    expectedVersion: t.exposeInt('expectedVersion'),
  }),
});

builder.objectType(DuplicateError, {
  name: 'DuplicateError',
  description: 'It already exists. Nothing was changed.',
  interfaces: [ErrorInterface],
  fields: (t) => ({ existingId: t.exposeID('existingId', { nullable: true }) }),
});

export { DuplicateError, NotFoundError, ValidationError, VersionConflictError };
