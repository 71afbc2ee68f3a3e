import { describe, expect, it } from 'vitest';
import {
  clientValidationProblem,
  hasErrorCode,
  mapFieldErrors,
  NETWORK_ERROR_CODE,
  toProblem,
} from './errors';

const validationError = {
  graphQLErrors: [
    {
      message: 'Please correct the marked fields.',
      extensions: {
        code: 'VALIDATION_FAILED',
        fields: [
          { field: 'password', code: 'PASSWORD_TOO_SHORT', message: 'Use at least 12 characters.' },
          { field: 'email', code: 'EMAIL_INVALID', message: 'Enter a valid email address.' },
        ],
      },
    },
  ],
};

describe('toProblem', () => {
  it('is null without an error', () => {
    expect(toProblem(null)).toBeNull();
    expect(toProblem(undefined)).toBeNull();
  });

  it('keeps the code, the message and the field errors', () => {
    const problem = toProblem(validationError);
    expect(problem?.code).toBe('VALIDATION_FAILED');
    expect(problem?.messages).toEqual(['Please correct the marked fields.']);
    expect(problem?.fields).toEqual([
      { field: 'password', code: 'PASSWORD_TOO_SHORT', message: 'Use at least 12 characters.' },
      { field: 'email', code: 'EMAIL_INVALID', message: 'Enter a valid email address.' },
    ]);
  });

  it('reads the request id of internal errors and the wait of throttled logins', () => {
    expect(
      toProblem({
        graphQLErrors: [{ message: 'Internal error', extensions: { code: 'INTERNAL', requestId: 'req-42' } }],
      }),
    ).toMatchObject({ code: 'INTERNAL', requestId: 'req-42' });
    expect(
      toProblem({
        graphQLErrors: [
          { message: 'Too many attempts', extensions: { code: 'LOGIN_THROTTLED', retryAfterSeconds: 30 } },
        ],
      }),
    ).toMatchObject({ code: 'LOGIN_THROTTLED', retryAfterSeconds: 30 });
  });

  it('reports a failure to reach the server as NETWORK', () => {
    expect(toProblem({ graphQLErrors: [], networkError: new Error('Failed to fetch') })).toEqual({
      code: NETWORK_ERROR_CODE,
      messages: [],
      fields: [],
    });
  });

  it('ignores malformed field entries and repeated messages', () => {
    const problem = toProblem({
      graphQLErrors: [
        { message: 'Invalid', extensions: { code: 'VALIDATION_FAILED', fields: [{ field: 1 }, 'x', null] } },
        { message: 'Invalid', extensions: { code: 'VALIDATION_FAILED' } },
      ],
    });
    expect(problem?.fields).toEqual([]);
    expect(problem?.messages).toEqual(['Invalid']);
  });

  it('treats an error without a code as INTERNAL', () => {
    expect(toProblem({ graphQLErrors: [{ message: 'Oops' }] })?.code).toBe('INTERNAL');
  });
});

describe('hasErrorCode', () => {
  it('finds a code among the errors', () => {
    const error = { graphQLErrors: [{ message: 'x', extensions: { code: 'UNAUTHENTICATED' } }] };
    expect(hasErrorCode(error, 'UNAUTHENTICATED')).toBe(true);
    expect(hasErrorCode(error, 'FORBIDDEN')).toBe(false);
    expect(hasErrorCode(null, 'FORBIDDEN')).toBe(false);
  });
});

describe('mapFieldErrors', () => {
  const detail = (field: string, message = `${field} is wrong`) => ({ field, code: 'X', message });

  it('attaches messages to fields of the same name', () => {
    const mapped = mapFieldErrors([detail('email'), detail('password')], ['email', 'password']);
    expect(mapped.byField).toEqual({ email: ['email is wrong'], password: ['password is wrong'] });
    expect(mapped.unmatched).toEqual([]);
  });

  it('accepts names prefixed with input.', () => {
    expect(mapFieldErrors([detail('input.displayName')], ['displayName']).byField).toEqual({
      displayName: ['input.displayName is wrong'],
    });
  });

  it('follows aliases, for the full name and for the last segment', () => {
    const known = ['password', 'organisation.new.name'];
    const mapped = mapFieldErrors(
      [detail('newPassword'), detail('name'), detail('input.organisation.new.name', 'nested')],
      known,
      { newPassword: 'password', name: 'organisation.new.name' },
    );
    expect(mapped.byField).toEqual({
      password: ['newPassword is wrong'],
      'organisation.new.name': ['name is wrong', 'nested'],
    });
  });

  it('matches a nested name by its last segment', () => {
    expect(mapFieldErrors([detail('input.labelEn')], ['labelEn']).byField.labelEn).toEqual([
      'input.labelEn is wrong',
    ]);
    expect(mapFieldErrors([detail('deskIds[0]')], ['deskIds']).byField.deskIds).toEqual([
      'deskIds[0] is wrong',
    ]);
    expect(mapFieldErrors([detail('input.deskIds.1')], ['deskIds']).byField.deskIds).toEqual([
      'input.deskIds.1 is wrong',
    ]);
  });

  it('keeps messages for fields the form does not show, once each', () => {
    const mapped = mapFieldErrors([detail('captcha', 'Try again'), detail('token', 'Try again')], ['email']);
    expect(mapped.byField).toEqual({});
    expect(mapped.unmatched).toEqual(['Try again']);
  });

  it('does not repeat a message on one field', () => {
    const mapped = mapFieldErrors([detail('email', 'Bad'), detail('email', 'Bad')], ['email']);
    expect(mapped.byField.email).toEqual(['Bad']);
  });
});

describe('clientValidationProblem', () => {
  it('is null when nothing is wrong', () => {
    expect(clientValidationProblem([])).toBeNull();
  });

  it('looks like a server validation error', () => {
    expect(clientValidationProblem([{ field: 'email', code: 'REQUIRED', message: 'Required' }])).toEqual({
      code: 'VALIDATION_FAILED',
      messages: [],
      fields: [{ field: 'email', code: 'REQUIRED', message: 'Required' }],
    });
  });
});
