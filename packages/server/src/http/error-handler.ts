import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type FieldError } from './app-error.js';
import { postgresErrorOf, problemOfDatabaseError } from './database-error.js';

const TITLES: Record<number, string> = {
  400: '请求格式错误',
  401: '未登录或登录已失效',
  403: '没有权限',
  404: '资源不存在',
  405: '不支持的请求方法',
  409: '操作冲突',
  413: '请求内容过大',
  414: '请求地址过长',
  415: '不支持的内容类型',
  422: '提交的内容有误',
  423: '账号已锁定',
  429: '请求过于频繁',
  500: '服务器内部错误',
};

export function sendProblem(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  code: string,
  detail?: string,
  errors?: FieldError[],
  extensions?: Record<string, unknown>,
) {
  const body = {
    // Extensions never replace the standard members.
    ...extensions,
    type: `https://fengqiao.dev/problems/${code.replaceAll('_', '-')}`,
    title: TITLES[status] ?? '请求失败',
    status,
    code,
    detail,
    instance: request.url.split('?')[0],
    ...(errors ? { errors } : {}),
  };
  return reply
    .status(status)
    .type('application/problem+json')
    .send(serializeProblem(reply, request, body));
}

const INTERNAL_DETAIL = '服务器内部错误，请稍后重试';

/**
 * The problem as text, through the route's schema for its status when there is one. Serialised
 * here rather than by Fastify because a body its schema refuses would otherwise end in Fastify's
 * own FST_ERR_FAILED_ERROR_SERIALIZATION answer, which carries internal text.
 */
function serializeProblem(reply: FastifyReply, request: FastifyRequest, body: { status: number }): string {
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
      title: TITLES[500],
      status: 500,
      code: 'internal_error',
      detail: INTERNAL_DETAIL,
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

function messageOf(issue: ValidationIssue): string {
  switch (issue.keyword) {
    case 'required':
      return '必填项缺失';
    case 'additionalProperties':
      return '不允许的字段';
    case 'type':
      return `类型错误，应为 ${String(issue.params?.type ?? '')}`;
    case 'format':
      return `格式错误，应为 ${String(issue.params?.format ?? '')}`;
    case 'minLength':
      return `长度不能少于 ${String(issue.params?.limit ?? '')}`;
    case 'maxLength':
      return `长度不能超过 ${String(issue.params?.limit ?? '')}`;
    case 'pattern':
      return '格式不符合要求';
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return '数值超出允许范围';
    case 'minItems':
      return `至少需要 ${String(issue.params?.limit ?? '')} 项`;
    case 'maxItems':
      return `最多允许 ${String(issue.params?.limit ?? '')} 项`;
    case 'anyOf':
    case 'enum':
    case 'const':
      return '取值不在允许范围内';
    default:
      // The validator's own message is English and internal; the field name says where.
      return '取值无效';
  }
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    try {
      return answerError(error, request, reply);
    } catch (err) {
      // Whatever went wrong while answering, Fastify's fallback (which echoes messages) never answers.
      request.log.error({ err }, 'error handler failed');
      return sendProblem(reply, request, 500, 'internal_error', INTERNAL_DETAIL);
    }
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, request, 404, 'not_found', '请求的资源不存在'),
  );
}

/**
 * Failures of the router itself, before any route or hook runs (Fastify's `frameworkErrors`): a
 * path that does not decode, a parameter past maxParamLength. Fastify would answer them with its
 * own English JSON naming the path.
 */
export function answerFrameworkError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error.code === 'FST_ERR_BAD_URL') {
    return sendProblem(reply, request, 400, 'bad_url', '请求地址含有无效的字符编码');
  }
  if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    return sendProblem(reply, request, 414, 'url_too_long', '请求地址中的参数过长');
  }
  request.log.error({ err: error }, 'router error');
  return sendProblem(reply, request, 500, 'internal_error', INTERNAL_DETAIL);
}

function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) return sendAppError(reply, request, error);
  if (error.validation) {
    const errors = (error.validation as ValidationIssue[]).map((issue) => ({
      field: fieldOf(issue, error.validationContext),
      message: messageOf(issue),
    }));
    return sendProblem(reply, request, 400, 'validation_failed', '提交的内容未通过校验', errors);
  }
  const database = postgresErrorOf(error);
  const mapped = database && problemOfDatabaseError(database);
  if (database && mapped) {
    // The code and constraint say what happened; pg's message and detail hold the values sent.
    request.log.warn(
      { pgCode: database.code, constraint: database.constraint },
      'database refused the write',
    );
    return sendAppError(reply, request, mapped);
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
    const detail =
      code === 'body_too_large'
        ? '请求内容超过允许的大小'
        : code === 'unsupported_media_type'
          ? '不支持的内容类型，请使用 application/json'
          : error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
              error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' ||
              error instanceof SyntaxError
            ? 'JSON 格式错误'
            : '请求无效';
    return sendProblem(reply, request, status, code, detail);
  }
  request.log.error({ err: error }, 'unhandled error');
  return sendProblem(reply, request, 500, 'internal_error', INTERNAL_DETAIL);
}

function sendAppError(reply: FastifyReply, request: FastifyRequest, error: AppError) {
  if (error.headers) reply.headers(error.headers);
  return sendProblem(reply, request, error.status, error.code, error.message, error.errors, error.extensions);
}
