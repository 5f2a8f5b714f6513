import { FailureClassifier } from './failure-classifier';
import { UnprocessableEventError } from './event-handler';

function pgError(code: string, message = 'boom'): Error {
  return Object.assign(new Error(message), { code });
}

describe('FailureClassifier', () => {
  const classifier = new FailureClassifier();

  it('takes the handler\'s own refusal as permanent, with its code', () => {
    expect(classifier.classify(new UnprocessableEventError('TEST.NOPE', 'never'))).toEqual({ kind: 'permanent', code: 'TEST.NOPE', message: 'never' });
  });

  it.each(['22001', '22021', '22P02', '23502', '23503', '23505', '23514'])('takes PostgreSQL data error %s as permanent', (code) => {
    expect(classifier.classify(pgError(code, 'value too long'))).toEqual({ kind: 'permanent', code: 'EVENT.REFUSED_BY_DATABASE', message: `${code}: value too long` });
  });

  it('reads the SQLSTATE of a TypeORM QueryFailedError through its driver error', () => {
    const wrapped = Object.assign(new Error('null value'), { driverError: { code: '23502' } });
    expect(classifier.classify(wrapped).kind).toBe('permanent');
  });

  it.each(['08006', '08001', '40001', '40P01', '53300', '55P03', '57014', '57P01', '57P03', '3D000', '28P01'])('takes SQLSTATE %s as transient', (code) => {
    expect(classifier.classify(pgError(code)).kind).toBe('transient');
  });

  it.each(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT'])('takes socket error %s as transient', (code) => {
    expect(classifier.classify(pgError(code)).kind).toBe('transient');
  });

  it('takes the driver\'s lost-connection messages as transient', () => {
    expect(classifier.classify(new Error('Connection terminated unexpectedly')).kind).toBe('transient');
    expect(classifier.classify(new Error('timeout exceeded when trying to connect')).kind).toBe('transient');
  });

  it('leaves anything else unclassified (bounded retries, then narrowed like a permanent one)', () => {
    expect(classifier.classify(new Error('cannot read properties of undefined')).kind).toBe('unclassified');
    expect(classifier.classify(pgError('42P01', 'relation does not exist')).kind).toBe('unclassified');
    expect(classifier.classify('a string').kind).toBe('unclassified');
  });
});
