import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  countedPageOf,
  GridStatsSchema,
  HOUSEHOLD_SORTS,
  HouseholdCreateSchema,
  HouseholdFileSchema,
  HouseholdMapPointsSchema,
  HouseholdSummarySchema,
  HouseholdUpdateSchema,
  IdParams,
  MAP_POINT_LIMIT,
  PageQuery,
  ProblemSchema,
  PublicHouseholdSchema,
  RESIDENT_TAGS,
  ResidentCreateSchema,
  ResidentSchema,
  SortOrderSchema,
} from '@fengqiao/shared';
import { problemResponses } from '../../http/problem-responses.js';
import type { ContextOf } from '../../http/request-context.js';
import type { SystemContext } from '../../security/context.js';
import { addResident } from '../residents/index.js';
import {
  createHousehold,
  getHouseholdFile,
  getHouseholdStats,
  listHouseholdMapPoints,
  listHouseholds,
  resolveQrCode,
  updateHousehold,
} from './household.service.js';
import { getPublicHousehold, renderHouseholdQrSvg } from './household-public.service.js';
import { householdAccess } from './resident-access.js';

const errors = problemResponses;
const tags = ['households'];
const OrgFilter = Type.Object(
  { orgUnitId: Type.Optional(Type.String({ format: 'uuid' })) },
  { additionalProperties: false },
);
const QrParams = Type.Object(
  { code: Type.String({ pattern: '^[A-Za-z0-9_-]{16,64}$' }) },
  { additionalProperties: false },
);

const HouseholdListQuery = Type.Object(
  {
    ...PageQuery.properties,
    orgUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    tag: Type.Optional(Type.Enum(RESIDENT_TAGS)),
    outsideGrid: Type.Optional(Type.Boolean()),
    community: Type.Optional(Type.String({ maxLength: 40 })),
    /** Part of a village or street name, or one door's full address (exact). */
    address: Type.Optional(Type.String({ maxLength: 80 })),
    /** Up to 50 household ids, comma-separated: the households at one spot of the map. */
    ids: Type.Optional(
      Type.String({ pattern: '^[0-9a-fA-F-]{36}(,[0-9a-fA-F-]{36}){0,49}$', maxLength: 1900 }),
    ),
    /** Without it, the order of filing. */
    sort: Type.Optional(Type.Enum(HOUSEHOLD_SORTS)),
    order: Type.Optional(SortOrderSchema),
  },
  { additionalProperties: false },
);

export const householdRoutes: FastifyPluginAsyncTypebox<{
  contextOf: ContextOf;
  system: SystemContext;
  publicUrl?: string;
}> = async (app, { contextOf, system, publicUrl }) => {
  app.get(
    '/households',
    {
      schema: {
        tags,
        summary: '住户列表',
        querystring: HouseholdListQuery,
        response: { 200: countedPageOf(HouseholdSummarySchema), ...errors },
      },
    },
    async (request) => listHouseholds(contextOf(request), request.query),
  );
  app.get(
    '/households/map-points',
    {
      schema: {
        tags,
        summary: '地图住户点位（紧凑格式）',
        description:
          '范围内有坐标的住户，每户一个 [id, 经度, 纬度, 标签位]；最多 ' +
          `${MAP_POINT_LIMIT} 户（超出时 truncated 为 true）。客户端请求 gzip 时压缩传输。`,
        querystring: OrgFilter,
        response: { 200: HouseholdMapPointsSchema, ...errors },
      },
    },
    async (request) => listHouseholdMapPoints(contextOf(request), request.query.orgUnitId),
  );
  app.get(
    '/households/stats',
    {
      schema: {
        tags,
        summary: '户数、人数与标签统计',
        querystring: OrgFilter,
        response: { 200: GridStatsSchema, ...errors },
      },
    },
    async (request) => getHouseholdStats(contextOf(request), request.query.orgUnitId),
  );
  app.get(
    '/households/by-qr/:code',
    {
      schema: {
        tags,
        summary: '扫描门牌二维码',
        params: QrParams,
        response: { 200: Type.Object({ householdId: Type.String() }), ...errors },
      },
    },
    async (request) => resolveQrCode(contextOf(request), request.params.code),
  );
  app.get(
    '/households/:id',
    {
      schema: {
        tags,
        summary: '一户一档',
        params: IdParams,
        response: { 200: HouseholdFileSchema, ...errors },
      },
    },
    async (request) => getHouseholdFile(contextOf(request), request.params.id),
  );
  app.get(
    '/households/:id/qr.svg',
    { schema: { tags, summary: '门牌二维码（SVG）', params: IdParams } },
    async (request, reply) => {
      const origin = publicUrl ?? `${request.protocol}://${request.host}`;
      return reply
        .type('image/svg+xml')
        .send(await renderHouseholdQrSvg(contextOf(request), request.params.id, origin));
    },
  );
  app.post(
    '/households',
    {
      schema: {
        tags,
        summary: '新建住户',
        body: HouseholdCreateSchema,
        response: { 201: HouseholdFileSchema, ...errors },
      },
    },
    async (request, reply) => reply.status(201).send(await createHousehold(contextOf(request), request.body)),
  );
  app.patch(
    '/households/:id',
    {
      schema: {
        tags,
        summary: '修改住户地址或位置',
        params: IdParams,
        body: HouseholdUpdateSchema,
        response: { 200: HouseholdFileSchema, ...errors },
      },
    },
    async (request) => updateHousehold(contextOf(request), request.params.id, request.body),
  );
  app.post(
    '/households/:id/residents',
    {
      schema: {
        tags,
        summary: '登记人员',
        params: IdParams,
        body: ResidentCreateSchema,
        response: { 201: ResidentSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply
        .status(201)
        .send(await addResident(contextOf(request), householdAccess, request.params.id, request.body)),
  );
  app.get(
    '/public/households/:code',
    {
      config: { public: true },
      schema: {
        tags,
        summary: '门牌公开信息（不含个人信息）',
        params: QrParams,
        response: { 200: PublicHouseholdSchema, 404: ProblemSchema },
      },
    },
    async (request) => getPublicHousehold(system, request.params.code),
  );
};
