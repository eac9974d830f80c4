import { describe, expect, it } from 'vitest';
import { CombinedGraphQLErrors, ServerError } from '@apollo/client/errors';
import { describeError, describeGraphQLError, hasCode } from './errors';

describe('API errors', () => {
  it('turns extensions.code into a sentence an operator can act on', () => {
    expect(describeGraphQLError({ message: 'x', extensions: { code: 'FORBIDDEN' } }).message).toMatch(/role cannot/);
    expect(describeGraphQLError({ message: 'x', extensions: { code: 'NOT_FOUND' } }).message).toMatch(/no longer exists/);
    expect(describeGraphQLError({ message: 'x', extensions: { code: 'PAYMENT_METHOD_NOT_CONFIGURED' } }).message).toMatch(/configuration/);
  });

  it('keeps the API\u2019s own message where it explains the input', () => {
    const problem = describeGraphQLError({ message: 'Invalid plan: price must be a whole number of shillings from 1 to 250000.', extensions: { code: 'VALIDATION' } });
    expect(problem).toEqual({ code: 'VALIDATION', message: 'Invalid plan: price must be a whole number of shillings from 1 to 250000.' });
  });

  it('says when a locked sign-in may be tried again', () => {
    expect(describeGraphQLError({ message: 'x', extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 600 } }).message)
      .toBe('Too many failed sign-ins. Try again in 10 min.');
    expect(describeGraphQLError({ message: 'x', extensions: { code: 'TOO_MANY_ATTEMPTS', retryAfterSeconds: 42 } }).message)
      .toBe('Too many failed sign-ins. Try again in 42 s.');
  });

  it('reads Apollo\u2019s GraphQL, HTTP and network errors', () => {
    const graphql = new CombinedGraphQLErrors({ errors: [{ message: 'Not allowed', extensions: { code: 'FORBIDDEN' } }, { message: 'Odd' }] });
    expect(describeError(graphql).map((p) => p.code)).toEqual(['FORBIDDEN', null]);
    expect(describeError(graphql)[1].message).toBe('Odd');
    expect(hasCode(graphql, 'FORBIDDEN')).toBe(true);
    const unavailable = new ServerError('down', { response: new Response('', { status: 503 }), bodyText: '' });
    expect(describeError(unavailable)).toEqual([{ code: 'SERVICE_UNAVAILABLE', message: expect.stringMatching(/database/) }]);
    expect(describeError(new TypeError('Failed to fetch'))[0].message).toMatch(/cannot be reached/);
    expect(describeError(undefined)).toEqual([]);
  });
});
