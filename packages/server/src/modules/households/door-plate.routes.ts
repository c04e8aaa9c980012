import { type FastifyPluginAsyncTypebox, Type } from '@fastify/type-provider-typebox';
import { DoorPlateSheetSchema } from '@fengqiao/shared';
import { problemResponses } from '../../http/problem-responses.js';
import type { ContextOf } from '../../http/request-context.js';
import { listDoorPlates } from './door-plate.service.js';

const DoorPlateQuery = Type.Object(
  {
    orgUnitId: Type.Optional(Type.String({ format: 'uuid' })),
    householdId: Type.Optional(Type.String({ format: 'uuid' })),
    batch: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  },
  { additionalProperties: false },
);

export const doorPlateRoutes: FastifyPluginAsyncTypebox<{
  contextOf: ContextOf;
  publicUrl?: string;
}> = async (app, { contextOf, publicUrl }) => {
  app.get(
    '/households/door-plates',
    {
      schema: {
        tags: ['households'],
        summary:
          '门牌打印：一户，或一个单位下住户的一批门牌（每批 300 张；完整地址、网格民警、二维码），审计',
        querystring: DoorPlateQuery,
        response: { 200: DoorPlateSheetSchema, ...problemResponses },
      },
    },
    async (request) => {
      const origin = publicUrl ?? `${request.protocol}://${request.host}`;
      return listDoorPlates(contextOf(request), request.query, origin);
    },
  );
};
