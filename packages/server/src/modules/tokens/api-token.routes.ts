import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  ApiTokenCreateSchema,
  ApiTokenIssuedSchema,
  ApiTokenSchema,
  countedPageOf,
  IdParams,
  PageQuery,
  ProblemSchema,
} from '@fengqiao/shared';
import { type ContextOf, sendNoContent } from '../../http/request-context.js';
import { createApiToken, listApiTokens, revokeApiToken } from './api-token.service.js';

const errors = { 400: ProblemSchema, 403: ProblemSchema, 404: ProblemSchema, 422: ProblemSchema };
const tags = ['api-tokens'];

export const apiTokenRoutes: FastifyPluginAsyncTypebox<{ contextOf: ContextOf }> = async (
  app,
  { contextOf },
) => {
  app.get(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: '接口令牌列表',
        querystring: PageQuery,
        response: { 200: countedPageOf(ApiTokenSchema), ...errors },
      },
    },
    async (request) => listApiTokens(contextOf(request), request.query),
  );
  app.post(
    '/api-tokens',
    {
      schema: {
        tags,
        summary: '签发接口令牌（令牌只显示一次）',
        body: ApiTokenCreateSchema,
        response: { 201: ApiTokenIssuedSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createApiToken(contextOf(request), request.body)),
  );
  app.delete(
    '/api-tokens/:id',
    {
      schema: { tags, summary: '吊销接口令牌', params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await revokeApiToken(contextOf(request), request.params.id);
      return sendNoContent(reply);
    },
  );
};
