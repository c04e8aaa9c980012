import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  IdParams,
  PageQuery,
  pageOf,
  RESIDENCE_TYPES,
  RESIDENT_TAGS,
  ResidentSchema,
  ResidentSearchResultSchema,
  ResidentUpdateSchema,
  UnmaskedResidentSchema,
} from '@fengqiao/shared';
import { problemResponses } from '../../http/problem-responses.js';
import type { ContextOf } from '../../http/request-context.js';
import type { HouseholdAccess } from './household-access.js';
import { getResident, searchResidents, unmaskResident, updateResident } from './resident.service.js';
import { exportResidents } from './resident-export.service.js';

const errors = problemResponses;
const tags = ['residents'];

const SearchQuery = Type.Object(
  {
    ...PageQuery.properties,
    q: Type.Optional(Type.String({ maxLength: 40 })),
    tag: Type.Optional(Type.Enum(RESIDENT_TAGS)),
    residenceType: Type.Optional(Type.Enum(RESIDENCE_TYPES)),
    orgUnitId: Type.Optional(Type.String({ format: 'uuid' })),
  },
  { additionalProperties: false },
);

export const residentRoutes: FastifyPluginAsyncTypebox<{
  contextOf: ContextOf;
  households: HouseholdAccess;
}> = async (app, { contextOf, households }) => {
  app.get(
    '/residents',
    {
      schema: {
        tags,
        summary: '查人：姓名（部分）、身份证号或手机号（精确）',
        querystring: SearchQuery,
        response: { 200: pageOf(ResidentSearchResultSchema), ...errors },
      },
    },
    async (request) => searchResidents(contextOf(request), households, request.query),
  );
  app.get(
    '/residents/export',
    {
      schema: {
        tags,
        summary: '导出人员（xlsx，脱敏，留痕）',
        querystring: Type.Object(
          {
            q: Type.Optional(Type.String({ maxLength: 40 })),
            tag: Type.Optional(Type.Enum(RESIDENT_TAGS)),
            residenceType: Type.Optional(Type.Enum(RESIDENCE_TYPES)),
            orgUnitId: Type.Optional(Type.String({ format: 'uuid' })),
          },
          { additionalProperties: false },
        ),
      },
    },
    async (request, reply) => {
      const stream = await exportResidents(contextOf(request), households, request.query);
      const stamp = new Date().toISOString().slice(0, 10);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-disposition', `attachment; filename="residents-${stamp}.xlsx"`)
        .send(stream);
    },
  );
  app.get(
    '/residents/:id',
    {
      schema: {
        tags,
        summary: '人员（脱敏）',
        params: IdParams,
        response: { 200: ResidentSchema, ...errors },
      },
    },
    async (request) => getResident(contextOf(request), request.params.id),
  );
  app.patch(
    '/residents/:id',
    {
      schema: {
        tags,
        summary: '修改人员',
        params: IdParams,
        body: ResidentUpdateSchema,
        response: { 200: ResidentSchema, ...errors },
      },
    },
    async (request) => updateResident(contextOf(request), households, request.params.id, request.body),
  );
  app.post(
    '/residents/:id/unmask',
    {
      schema: {
        tags,
        summary: '查看完整信息（单条，留痕）',
        params: IdParams,
        response: { 200: UnmaskedResidentSchema, ...errors },
      },
    },
    async (request) => unmaskResident(contextOf(request), households, request.params.id),
  );
};
