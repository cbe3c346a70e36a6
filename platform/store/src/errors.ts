export type StoreErrorCode =
  | 'GO_NOT_FOUND'
  | 'GO_TOO_OLD'
  | 'BUILD_FAILED'
  | 'CACHE_NOT_WRITABLE'
  | 'DATA_DIR_NOT_WRITABLE'
  | 'DATA_DIR_IN_USE'
  | 'PORT_IN_USE'
  | 'START_FAILED'
  | 'POSTGRESQL_NOT_INSTALLED'
  | 'POSTGRESQL_NO_ACCOUNT'
  | 'POSTGRESQL_UNREACHABLE';

/** A failure the user can act on: the message says what went wrong and what to do. */
export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'StoreError';
  }
}
