import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import {
  IdParams,
  OrgKindSchema,
  OrgUnitCreateSchema,
  OrgUnitDetailSchema,
  OrgUnitSchema,
  OrgUnitUpdateSchema,
} from '@fengqiao/shared';
import { problemResponses } from '../../http/problem-responses.js';
import { type ContextOf, sendNoContent } from '../../http/request-context.js';
import type { OrgUnitEvents } from './org-unit.events.js';
import {
  createOrgUnit,
  getOrgGeoJson,
  getOrgUnit,
  listOrgTree,
  removeOrgUnit,
  updateOrgUnitDetails,
} from './org-unit.service.js';

const errors = problemResponses;
const tags = ['org-units'];

const FeatureCollection = Type.Object({
  type: Type.Literal('FeatureCollection'),
  features: Type.Array(
    Type.Object({
      type: Type.Literal('Feature'),
      id: Type.String(),
      properties: Type.Object({
        id: Type.String(),
        name: Type.String(),
        code: Type.String(),
        kind: OrgKindSchema,
        parentId: Type.Union([Type.String(), Type.Null()]),
      }),
      geometry: Type.Any(),
    }),
  ),
});

export const orgUnitRoutes: FastifyPluginAsyncTypebox<{
  contextOf: ContextOf;
  events: OrgUnitEvents;
}> = async (app, { contextOf, events }) => {
  app.get(
    '/org-units/tree',
    {
      schema: {
        tags,
        summary: '数据范围内的组织树（平铺，按层级排序）',
        response: { 200: Type.Object({ items: Type.Array(OrgUnitSchema) }), ...errors },
      },
    },
    async (request) => listOrgTree(contextOf(request)),
  );
  app.get(
    '/org-units/geojson',
    {
      schema: {
        tags,
        summary: '网格边界 GeoJSON',
        querystring: Type.Object({ kind: Type.Optional(OrgKindSchema) }, { additionalProperties: false }),
        response: { 200: FeatureCollection, ...errors },
      },
    },
    async (request) => getOrgGeoJson(contextOf(request), request.query.kind ?? 'grid'),
  );
  app.get(
    '/org-units/:id',
    {
      schema: {
        tags,
        summary: '组织单位详情（含上级名称、不能删除的原因）',
        params: IdParams,
        response: { 200: OrgUnitDetailSchema, ...errors },
      },
    },
    async (request) => getOrgUnit(contextOf(request), events, request.params.id),
  );
  app.post(
    '/org-units',
    {
      schema: {
        tags,
        summary: '新建组织单位',
        body: OrgUnitCreateSchema,
        response: { 201: OrgUnitDetailSchema, ...errors },
      },
    },
    async (request, reply) =>
      reply.status(201).send(await createOrgUnit(contextOf(request), events, request.body)),
  );
  app.patch(
    '/org-units/:id',
    {
      schema: {
        tags,
        summary: '修改组织单位',
        params: IdParams,
        body: OrgUnitUpdateSchema,
        response: { 200: OrgUnitDetailSchema, ...errors },
      },
    },
    async (request) => updateOrgUnitDetails(contextOf(request), events, request.params.id, request.body),
  );
  app.delete(
    '/org-units/:id',
    {
      schema: { tags, summary: '删除组织单位', params: IdParams, response: { 204: Type.Null(), ...errors } },
    },
    async (request, reply) => {
      await removeOrgUnit(contextOf(request), events, request.params.id);
      return sendNoContent(reply);
    },
  );
};
