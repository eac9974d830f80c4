import { CombinedGraphQLErrors, ServerError, ServerParseError } from '@apollo/client/errors';

// The API's `extensions.code` values (schema.graphql) turned into sentences an operator can act on.
const byCode: Record<string, string> = {
  UNAUTHENTICATED: 'Your session has ended. Sign in again.',
  FORBIDDEN: 'Your role cannot do this. Ask an organization admin.',
  NOT_FOUND: 'It no longer exists, or it belongs to another organization.',
  PAYMENT_METHOD_NOT_CONFIGURED: 'Save that payment method\u2019s configuration before activating it.',
  INVALID_STATE_TRANSITION: 'That change is not possible in its current state.',
  PROVIDER_ERROR: 'The payment provider refused or did not answer.',
  CONFLICT: 'Someone else changed it first. Reload and try again.',
  SERVICE_UNAVAILABLE: 'The database cannot be reached right now. Try again in a moment.',
};

export interface ApiProblem {
  code: string | null;
  message: string;
}

interface GraphQLErrorLike {
  message: string;
  extensions?: Record<string, unknown> | null;
}

/** One readable sentence for a GraphQL error: the API's own message where it explains the input, else the code's. */
export function describeGraphQLError(error: GraphQLErrorLike): ApiProblem {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : null;
  if (code === 'VALIDATION' || code === 'PROVIDER_ERROR' || code === 'CONFLICT' || code === 'INVALID_STATE_TRANSITION')
    return { code, message: error.message || byCode[code] || 'The request was refused.' };
  if (code === 'TOO_MANY_ATTEMPTS') {
    const seconds = Number(error.extensions?.retryAfterSeconds);
    const wait = Number.isFinite(seconds) && seconds > 0 ? ` Try again in ${formatWait(seconds)}.` : '';
    return { code, message: `Too many failed sign-ins.${wait}` };
  }
  if (code && byCode[code]) return { code, message: byCode[code] };
  return { code, message: error.message || 'Something went wrong.' };
}

export function formatWait(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  return `${Math.ceil(seconds / 60)} min`;
}

/** Any error Apollo hands back (GraphQL errors, HTTP failures, network down), as readable problems. */
export function describeError(error: unknown): ApiProblem[] {
  if (!error) return [];
  if (CombinedGraphQLErrors.is(error)) return error.errors.map(describeGraphQLError);
  if (ServerError.is(error)) {
    if (error.statusCode === 503) return [{ code: 'SERVICE_UNAVAILABLE', message: byCode.SERVICE_UNAVAILABLE }];
    return [{ code: null, message: `The server answered HTTP ${error.statusCode}.` }];
  }
  if (ServerParseError.is(error)) return [{ code: null, message: 'The server\u2019s answer could not be read.' }];
  if (error instanceof TypeError) return [{ code: null, message: 'The API cannot be reached. Check the connection.' }];
  if (error instanceof Error) return [{ code: null, message: error.message }];
  return [{ code: null, message: String(error) }];
}

export function hasCode(error: unknown, code: string): boolean {
  return describeError(error).some((p) => p.code === code);
}
