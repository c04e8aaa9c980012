import { formatMessage, type MessageKey, type MessageLocale } from '@fengqiao/shared/messages';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError, notFound } from './app-error.js';
import { postgresErrorOf, problemOfDatabaseError } from './database-error.js';
import { localeOfAcceptLanguage } from './request-locale.js';

/** The statuses with a title of their own; any other answers with the generic one. */
const TITLED = new Set([400, 401, 403, 404, 405, 409, 413, 414, 415, 422, 423, 429, 500]);

const titleKey = (status: number) => (TITLED.has(status) ? (`title.${status}` as MessageKey) : 'title.other');

/** Adds Accept-Language to the answer's Vary, keeping what other hooks put there. */
function varyByLanguage(reply: FastifyReply): void {
  const current = reply.getHeader('vary');
  const names = (Array.isArray(current) ? current.join(',') : String(current ?? ''))
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.some((name) => name === '*' || name.toLowerCase() === 'accept-language')) return;
  reply.header('vary', [...names, 'Accept-Language'].join(', '));
}

/**
 * Answers `error` as problem+json, its title, detail and field messages in the language the request
 * asks for (Accept-Language; Chinese by default), so the answer varies by that header.
 */
export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  const locale = localeOfAcceptLanguage(request.headers['accept-language']);
  const { status, code } = error;
  const errors = error.fieldErrors(locale);
  const body = {
    // Extensions never replace the standard members.
    ...error.extensions,
    type: `https://fengqiao.dev/problems/${code.replaceAll('_', '-')}`,
    title: formatMessage(locale, titleKey(status)),
    status,
    code,
    detail: error.detail(locale),
    instance: request.url.split('?')[0],
    ...(errors ? { errors } : {}),
  };
  if (error.headers) reply.headers(error.headers);
  varyByLanguage(reply);
  return reply
    .status(status)
    .type('application/problem+json')
    .send(serializeProblem(reply, request, body, locale));
}

const internalError = () => new AppError(500, 'internal_error');

/**
 * The problem as text, through the route's schema for its status when there is one. Serialised
 * here rather than by Fastify because a body its schema refuses would otherwise end in Fastify's
 * own FST_ERR_FAILED_ERROR_SERIALIZATION answer, which carries internal text.
 */
function serializeProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  body: { status: number },
  locale: MessageLocale,
): string {
  let serialize: ((payload: { [key: string]: unknown }) => string) | undefined;
  try {
    serialize = reply.getSerializationFunction(String(body.status));
  } catch {
    // Router-level failures (frameworkErrors) have no route, hence no schema: plain JSON.
  }
  try {
    return serialize ? serialize(body) : JSON.stringify(body);
  } catch (err) {
    request.log.error({ err }, 'problem could not be serialised');
    reply.status(500);
    return JSON.stringify({
      type: 'https://fengqiao.dev/problems/internal-error',
      title: formatMessage(locale, 'title.500'),
      status: 500,
      code: 'internal_error',
      detail: formatMessage(locale, 'internal_error'),
      instance: request.url.split('?')[0],
    });
  }
}

type ValidationIssue = {
  instancePath?: string;
  path?: string;
  message?: string;
  params?: Record<string, unknown>;
  keyword?: string;
};

function fieldOf(issue: ValidationIssue, context: string | undefined): string {
  const pointer = issue.instancePath ?? issue.path ?? '';
  const base = pointer.replace(/^\//, '').replaceAll('/', '.');
  const extra =
    issue.params?.additionalProperties ?? issue.params?.requiredProperties ?? issue.params?.missingProperty;
  const name = Array.isArray(extra) ? extra.join(',') : (extra as string | undefined);
  return [context === 'body' ? '' : context, base, name].filter(Boolean).join('.') || (context ?? 'body');
}

function messageOf(issue: ValidationIssue): Pick<FieldError, 'key' | 'params'> {
  switch (issue.keyword) {
    case 'required':
      return { key: 'field.required' };
    case 'additionalProperties':
      return { key: 'field.additional_property' };
    case 'type':
      return { key: 'field.type', params: { type: String(issue.params?.type ?? '') } };
    case 'format':
      return { key: 'field.format', params: { format: String(issue.params?.format ?? '') } };
    case 'minLength':
      return { key: 'field.min_length', params: { limit: String(issue.params?.limit ?? '') } };
    case 'maxLength':
      return { key: 'field.max_length', params: { limit: String(issue.params?.limit ?? '') } };
    case 'pattern':
      return { key: 'field.pattern' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { key: 'field.out_of_range' };
    case 'minItems':
      return { key: 'field.min_items', params: { limit: String(issue.params?.limit ?? '') } };
    case 'maxItems':
      return { key: 'field.max_items', params: { limit: String(issue.params?.limit ?? '') } };
    case 'anyOf':
    case 'enum':
    case 'const':
      return { key: 'field.not_allowed_value' };
    default:
      // The validator's own message is English and internal; the field name says where.
      return { key: 'field.invalid' };
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    try {
      return answerError(error, request, reply);
    } catch (err) {
      // Whatever went wrong while answering, Fastify's fallback (which echoes messages) never answers.
      request.log.error({ err }, 'error handler failed');
      return sendProblem(reply, request, internalError());
    }
  });

  app.setNotFoundHandler((request, reply) => sendProblem(reply, request, notFound('not_found.route')));
}

/**
 * Failures of the router itself, before any route or hook runs (Fastify's `frameworkErrors`): a
 * path that does not decode, a parameter past maxParamLength. Fastify would answer them with its
 * own English JSON naming the path.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, request, new AppError(400, 'bad_url'));
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, request, new AppError(414, 'url_too_long'));
  }
  request.log.error({ err: error }, 'router error');
  return sendProblem(reply, request, internalError());
}

function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendProblem(reply, request, error);
  if (error.validation) {
    const errors = (error.validation as ValidationIssue[]).map((issue) => ({
      field: fieldOf(issue, error.validationContext),
      ...messageOf(issue),
    }));
    return sendProblem(reply, request, new AppError(400, 'validation_failed', undefined, errors));
  }
  const database = postgresErrorOf(error);
  const mapped = database && problemOfDatabaseError(database);
  if (database && mapped) {
    // The code and constraint say what happened; pg's message and detail hold the values sent.
    request.log.warn(
      { pgCode: database.code, constraint: database.constraint },
      'database refused the write',
    );
    return sendProblem(reply, request, mapped);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    // Fastify's own 4xx (FST_ERR_*) messages are English and name internals: never echoed.
    const code =
      error.code === 'FST_ERR_CTP_BODY_TOO_LARGE'
        ? 'body_too_large'
        : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE'
          ? 'unsupported_media_type'
          : status === 429
            ? 'rate_limited'
            : 'bad_request';
    const key =
      code === 'body_too_large' || code === 'unsupported_media_type'
        ? code
        : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
            error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
            error instanceof SyntaxError
          ? 'bad_request.json'
          : 'bad_request';
    return sendProblem(reply, request, new AppError(status, code, undefined, undefined, { key }));
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, internalError());
}
