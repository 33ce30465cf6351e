/** Why an input could not be ingested. Each kind maps to a message a user can act on. */
export type IngestErrorKind = 'empty' | 'binary' | 'too-large' | 'unreadable' | 'bad-header' | 'not-found';

/** A per-input failure: reported with the input's path, never fatal to the rest of a batch. */
export class IngestError extends Error {
  readonly kind: IngestErrorKind;
  constructor(kind: IngestErrorKind, message: string) {
    super(message);
    this.name = 'IngestError';
    this.kind = kind;
  }
}

/** One failed input of a batch. */
export interface IngestFailure {
  path: string;
  kind: IngestErrorKind;
  reason: string;
}
