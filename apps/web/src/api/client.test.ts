import { describe, expect, it } from 'vitest';
import { ApiError, fieldError, formError, must, toApiError } from './client';

describe('API errors', () => {
  it('collects the messages per field, in both shapes the services answer', () => {
    const e = toApiError(400, { statusCode: 400, code: 'REQUEST.INVALID', message: ['bad'], fields: [{ field: 'email', messages: ['must be an email', 'is required'] }, { field: 'reason', message: 'too short' }] });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.fields).toEqual({ email: 'must be an email; is required', reason: 'too short' });
    expect(fieldError(e, 'email')).toBe('must be an email; is required');
    expect(fieldError(e, 'password')).toBeUndefined();
    expect(formError(e, ['email', 'reason'])).toBeUndefined();
    expect(formError(e, ['email'])).toBe('reason: too short');
  });

  it('finds nested fields under their parent (venue.latitude shows at venue)', () => {
    const e = toApiError(400, { fields: [{ field: 'venue.latitude', messages: ['must not be greater than 90'] }] });
    expect(fieldError(e, 'venue')).toBe('must not be greater than 90');
    expect(fieldError(e, 'venue.latitude')).toBe('must not be greater than 90');
  });

  it('an error without fields is a form error with its message', () => {
    const e = toApiError(401, { code: 'IDENTITY.INVALID_CREDENTIALS', message: 'wrong email or password' });
    expect(formError(e, ['email', 'password'])).toBe('wrong email or password');
    expect(e.code).toBe('IDENTITY.INVALID_CREDENTIALS');
  });

  it('must() returns the data or throws the ApiError', async () => {
    await expect(must(Promise.resolve({ data: { a: 1 }, response: new Response('{}', { status: 200 }) }))).resolves.toEqual({ a: 1 });
    await expect(must(Promise.resolve({ error: { message: 'nope' }, response: new Response('{}', { status: 409 }) }))).rejects.toMatchObject({ status: 409, message: 'nope' });
  });
});
