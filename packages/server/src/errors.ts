/** Expected failures: mutations return these as typed members of their result unions. */

export interface FieldIssue {
  field: string;
  message: string;
}

export class ValidationError extends Error {
  override name = 'ValidationError';
  constructor(
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
  }
  static field(field: string, message: string): ValidationError {
    return new ValidationError(`${field}: ${message}`, [{ field, message }]);
  }
}

export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(
    message: string,
    readonly id: string | null = null,
  ) {
    super(message);
  }
}

export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  constructor(
    readonly currentVersion: number,
    readonly expectedVersion: number,
  ) {
    super(`The article is at version ${currentVersion}, not ${expectedVersion}: reload it and apply the change again`);
  }
}

export class DuplicateError extends Error {
  override name = 'DuplicateError';
  constructor(
    message: string,
    readonly existingId: string | null = null,
  ) {
    super(message);
  }
}
