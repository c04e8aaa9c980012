import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  countedPageOf,
  IdParams,
  PageQuery,
  PasswordResetSchema,
  RoleSchema,
  UserCreateSchema,
  UserSchema,
  UserUpdateSchema,
} from '@fengqiao/shared';
import { problemResponses } from '../../http/problem-responses.js';
import { type ContextOf, sendNoContent } from '../../http/request-context.js';
import type { UserEvents } from './user.events.js';
import {
  createUser,
  getUser,
  listUsers,
  resetUserPassword,
  unlockUser,
  updateUserAccount,
} from './user.service.js';

const UserListQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 40 })),
    role: Type.Optional(RoleSchema),
    orgUnitId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

const errors = problemResponses;
const tags = ['users'];

export const userRoutes: FastifyPluginAsyncTypebox<{ contextOf: ContextOf; events: UserEvents }> = async (
  app,
  { contextOf, events },
) => {
  app.get(
    '/users',
    {
      schema: {
        tags,
        summary: '用户列表',
        querystring: UserListQuery,
        response: { 200: countedPageOf(UserSchema), ...errors },
      },
    },
    async (request) => listUsers(contextOf(request), request.query),
  );
  app.get(
    '/users/:id',
    { schema: { tags, summary: '用户详情', params: IdParams, response: { 200: UserSchema, ...errors } } },
    async (request) => getUser(contextOf(request), request.params.id),
  );
  app.post(
    '/users',
    {
      schema: { tags, summary: '创建用户', body: UserCreateSchema, response: { 201: UserSchema, ...errors } },
    },
    async (request, reply) => reply.status(201).send(await createUser(contextOf(request), request.body)),
  );
  app.patch(
    '/users/:id',
    {
      schema: {
        tags,
        summary: '修改用户',
        params: IdParams,
        body: UserUpdateSchema,
        response: { 200: UserSchema, ...errors },
      },
    },
    async (request) => updateUserAccount(contextOf(request), events, request.params.id, request.body),
  );
  app.post(
    '/users/:id/password',
    {
      schema: {
        tags,
        summary: '重置密码',
        params: IdParams,
        body: PasswordResetSchema,
        response: { 204: Type.Null(), ...errors },
      },
    },
    async (request, reply) => {
      await resetUserPassword(contextOf(request), events, request.params.id, request.body.password);
      return sendNoContent(reply);
    },
  );
  app.post(
    '/users/:id/unlock',
    { schema: { tags, summary: '解除锁定', params: IdParams, response: { 204: Type.Null(), ...errors } } },
    async (request, reply) => {
      await unlockUser(contextOf(request), request.params.id);
      return sendNoContent(reply);
    },
  );
};
