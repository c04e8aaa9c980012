import type { ImportJob, ImportJobPhase, ImportJobStatus, ImportReport } from '@fengqiao/shared';
import type { ImportJobView } from './household-import-job.repository.js';

export function presentImportJob(row: ImportJobView, report: ImportReport | null): ImportJob {
  return {
    id: row.id,
    mode: row.mode as ImportJob['mode'],
    status: row.status as ImportJobStatus,
    progress: {
      phase: row.phase as ImportJobPhase,
      rowsChecked: row.rowsChecked,
      estimatedRows: row.estimatedRows,
      householdsWritten: row.householdsWritten,
      householdsTotal: row.householdsTotal,
    },
    attempts: row.attempts,
    notice: row.notice,
    createdAt: row.createdAt.toISOString(),
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    report,
    failure: (row.problem as ImportJob['failure']) ?? null,
  };
}
