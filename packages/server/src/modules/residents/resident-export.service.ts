import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../../security/context.js';
import { authorize } from '../../security/policy.js';
import { auditActorOf, recordAudit } from '../audit/index.js';
import type { HouseholdAccess } from './household-access.js';
import { searchResidentRows } from './resident.repository.js';
import { presentSearchResult, residentFilterFor, type SearchQuery } from './resident.service.js';

const COLUMNS = [
  { header: '姓名', key: 'name', width: 12 },
  { header: '身份证号（脱敏）', key: 'idCardMasked', width: 22 },
  { header: '性别', key: 'sex', width: 6 },
  { header: '年龄', key: 'age', width: 6 },
  { header: '手机号（脱敏）', key: 'phoneMasked', width: 15 },
  { header: '与户主关系', key: 'relation', width: 10 },
  { header: '户籍类型', key: 'residenceType', width: 10 },
  { header: '标签', key: 'tags', width: 24 },
  { header: '村/社区', key: 'community', width: 12 },
  { header: '地址（脱敏）', key: 'addressMasked', width: 24 },
  { header: '网格', key: 'gridName', width: 16 },
];

const PAGE = 2000;

/**
 * The residents a search finds, as an xlsx stream: masked exactly as on screen (an export is a list),
 * written page by page so a whole station's register never sits in memory. The export is audited.
 */
export async function exportResidents(
  ctx: ServiceContext,
  households: HouseholdAccess,
  query: Omit<SearchQuery, 'limit' | 'cursor'>,
): Promise<NodeJS.ReadableStream> {
  await authorize(ctx, 'household.export', 'resident');
  const { viewer, masked, filter } = await residentFilterFor(ctx, households, query);
  // Audited before the first byte leaves: an export that fails half way has still shown data.
  await recordAudit(ctx.db, ctx.keys.audit, {
    actor: auditActorOf(ctx.actor),
    action: 'resident.export',
    objectType: 'resident',
    result: 'ok',
    ip: ctx.ip,
    detail: { ...query, q: masked ?? undefined },
  });
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true });
  const sheet = workbook.addWorksheet('人员');
  sheet.columns = COLUMNS;
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();

  const write = async () => {
    let afterId: string | undefined;
    for (;;) {
      const rows = await searchResidentRows(ctx.db, { ...filter, afterId }, PAGE);
      for (const row of rows) {
        const r = presentSearchResult(row, viewer);
        sheet
          .addRow({
            ...r,
            sex: r.sex === 'male' ? '男' : '女',
            tags: r.tags.join('、'),
            phoneMasked: r.phoneMasked ?? '',
          })
          .commit();
      }
      if (rows.length < PAGE) break;
      afterId = rows.at(-1)?.id;
    }
    await workbook.commit();
  };
  write().catch((error: unknown) => output.destroy(error as Error));
  return output;
}
