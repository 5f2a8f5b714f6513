/** A sealed secret that cannot be opened here: sealed to another key (`OTHER_KEY`: rotated or misconfigured), or damaged. */
export class SealedSecretError extends Error {
  constructor(readonly code: 'SEALED_SECRET.OTHER_KEY' | 'SEALED_SECRET.UNREADABLE', message: string) {
    super(message);
    this.name = 'SealedSecretError';
  }
}
