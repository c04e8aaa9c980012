import type { ImportJob, ImportReport } from '@fengqiao/shared';
import type { ImportMode } from '@fengqiao/shared/rules';
import { Alert, App, Button, Card, Steps } from 'antd';
import { type ReactNode, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlocker, useNavigate, useSearchParams } from 'react-router';
import { errorMessage, isAbort } from '../../../lib/api-client';
import { PageHeader } from '../../../lib/components/page-header';
import { usePageTitle } from '../../../lib/page-title';
import { useInvalidateHouseholds } from '../queries';
import { type CoordSystem, jobError, type MappingRejection, mappingRejection } from './api';
import { emptyMapping, type ImportField, type ImportMapping, sameMapping, toMapping } from './fields';
import { FileStep } from './file-step';
import { formatCount } from './format';
import { ImportProgress } from './import-progress';
import { MappingStep } from './mapping-step';
import { ReportStep } from './report-step';
import { ResultStep } from './result-step';
import { useImportUpload } from './use-import-upload';

type Step = 0 | 1 | 2 | 3;

/** What a dry run produced: the file's header and the mapping the server used. */
interface Checked {
  report: ImportReport;
  mapping: ImportMapping;
}

/** A finished job's report, or its failure thrown as the error a synchronous request gave. */
function reportOf(job: ImportJob): ImportReport {
  if (job.status === 'failed' || !job.report) throw jobError(job);
  return job.report;
}

/**
 * 住户导入: choose a file → match its columns → read the dry run's report → import everything or
 * only the valid rows. The file stays in the browser and is sent again by each step; each is a job on
 * the server whose id stays in the address (`?job=`), so a reload or a dropped connection picks the
 * job up again instead of losing it.
 */
export function HouseholdImportPage() {
  const { t } = useTranslation();
  usePageTitle(t('householdImport.title'));
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const upload = useImportUpload({
    onQueued: (jobId) => setParams({ job: jobId }, { replace: true }),
  });
  /** A dry run finished before a reload: its figures, the file being gone from the page. */
  const [resumedCheck, setResumedCheck] = useState<ImportReport | null>(null);
  const [step, setStep] = useState<Step>(0);
  const [file, setFile] = useState<File | null>(null);
  const [coordSystem, setCoordSystem] = useState<CoordSystem>('wgs84');
  const [header, setHeader] = useState<string[] | null>(null);
  /** The header's row as the server took it (found past title rows, or chosen); sent again with each step. */
  const [headerRow, setHeaderRow] = useState<number | undefined>(undefined);
  const [mapping, setMapping] = useState<ImportMapping>(emptyMapping);
  const [checked, setChecked] = useState<Checked | null>(null);
  const [manual, setManual] = useState(false);
  /** Required fields the server found no column for in the header. */
  const [unrecognized, setUnrecognized] = useState<ImportField[]>([]);
  const [serverProblems, setServerProblems] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<ImportReport | null>(null);

  const report = checked && sameMapping(checked.mapping, mapping) ? checked.report : null;

  // A running import: leaving would lose its result (and a commit would go on without the user).
  // Only leaving the page: the job's id going into the address (?job=) is not leaving.
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => upload.busy && currentLocation.pathname !== nextLocation.pathname,
  );
  // The blocker is a new object on every render (progress re-renders often): ask once per block.
  const askingRef = useRef(false);
  useEffect(() => {
    if (blocker.state !== 'blocked' || askingRef.current) return;
    askingRef.current = true;
    const answer = (leave: boolean) => {
      askingRef.current = false;
      if (leave) blocker.proceed();
      else blocker.reset();
    };
    modal.confirm({
      title: t('householdImport.leaveTitle'),
      content: t('householdImport.leaveConfirm'),
      okText: t('householdImport.leave'),
      cancelText: t('householdImport.stay'),
      onOk: () => answer(true),
      onCancel: () => answer(false),
    });
  }, [blocker, modal, t]);
  // Whenever a job ends (written, failed part-way or checked only), the cached households may be out of date.
  const invalidateHouseholds = useInvalidateHouseholds();
  useEffect(() => {
    if (!upload.busy) invalidateHouseholds();
  }, [upload.busy, invalidateHouseholds]);
  useEffect(() => {
    if (!upload.busy) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [upload.busy]);

  // Opened with a job's id (a reload, a link): follow it to its end and show what it did.
  const resumeRef = useRef(params.get('job'));
  const { resume } = upload;
  useEffect(() => {
    const jobId = resumeRef.current;
    if (!jobId) return;
    resumeRef.current = null;
    resume(jobId)
      .then((job) => {
        const r = reportOf(job);
        if (r.written) {
          setDone(r);
          setStep(3);
        } else setResumedCheck(r);
      })
      .catch((e: unknown) => {
        if (!isAbort(e)) setError(e);
      });
  }, [resume]);

  function chooseFile(next: File | null) {
    setResumedCheck(null);
    setFile(next);
    setHeader(null);
    setHeaderRow(undefined);
    setMapping(emptyMapping());
    setChecked(null);
    setManual(false);
    setUnrecognized([]);
    setServerProblems([]);
    setError(null);
  }

  function applyReport(r: ImportReport) {
    const used = toMapping(r.mapping);
    setHeader(r.header);
    setHeaderRow(r.headerRow);
    setMapping(used);
    setChecked({ report: r, mapping: used });
    setServerProblems([]);
  }

  /** A dry run; null when it failed (the error is shown). Mapping problems go to the mapping step. */
  async function dryRun(
    withMapping: ImportMapping | undefined,
    atRow = headerRow,
  ): Promise<{ report: ImportReport } | { rejection: MappingRejection } | null> {
    if (!file) return null;
    setError(null);
    try {
      const r = reportOf(
        await upload.run(file, { mode: 'dry-run', coordSystem, mapping: withMapping, headerRow: atRow }),
      );
      applyReport(r);
      return { report: r };
    } catch (e) {
      if (isAbort(e)) return null;
      const rejection = mappingRejection(e);
      if (!rejection) {
        setError(e);
        return null;
      }
      setServerProblems(rejection.problems);
      return { rejection };
    }
  }

  /**
   * The server's suggestion for a header: a report, or (when the header does not name every required
   * column) the mapping step with the header, its suggestion and what is missing, for the user to complete.
   */
  function showSuggestion(outcome: { report: ImportReport } | { rejection: MappingRejection }) {
    if ('report' in outcome) {
      setManual(false);
      setUnrecognized([]);
      return;
    }
    const { rejection } = outcome;
    setHeader(rejection.header);
    setHeaderRow(rejection.headerRow);
    setMapping(rejection.suggestedMapping);
    setChecked(null);
    setManual(true);
    setUnrecognized(rejection.unmappedRequired);
  }

  /** Step 1 → 2: the server's suggested mapping; with the same file again, the user's own. */
  async function start() {
    if (!file) return;
    if (header) {
      if (await dryRun(mapping)) setStep(1);
      return;
    }
    const outcome = await dryRun(undefined);
    if (!outcome) return;
    showSuggestion(outcome);
    setStep(1);
  }

  /** Another header row: its columns differ, so the server suggests the mapping afresh. */
  async function changeHeaderRow(row: number) {
    const outcome = await dryRun(undefined, row);
    if (outcome) showSuggestion(outcome);
  }

  /** 重新检查 (stay) or 下一步 (go on to the report; checks first when the mapping changed). */
  async function recheck(advance: boolean) {
    if (report && advance) {
      setStep(2);
      return;
    }
    const outcome = await dryRun(mapping);
    if (!outcome || !('report' in outcome)) return;
    if (advance) setStep(2);
    else
      message.success(
        t('householdImport.rechecked', {
          rows: formatCount(outcome.report.rowsRead),
          invalid: formatCount(outcome.report.invalidRows),
        }),
      );
  }

  async function commit(mode: Exclude<ImportMode, 'dry-run'>) {
    if (!file || !checked) return;
    setError(null);
    try {
      const r = reportOf(await upload.run(file, { mode, coordSystem, mapping: checked.mapping, headerRow }));
      if (r.written) {
        setDone(r);
        setStep(3);
      } else {
        // Refused (the file changed, or has errors after all): show the fresh report.
        applyReport(r);
        message.warning(t('householdImport.notWritten'));
      }
    } catch (e) {
      if (!isAbort(e)) setError(e);
    }
  }

  function again() {
    setParams({}, { replace: true });
    chooseFile(null);
    setDone(null);
    setStep(0);
  }

  let body: ReactNode;
  if (step === 3 && done?.written)
    body = (
      <ResultStep
        report={done}
        written={done.written}
        fileName={file?.name ?? t('householdImport.resumedFile')}
        onAgain={again}
      />
    );
  else if (step === 0 || !file || !header)
    body = (
      <FileStep
        file={file}
        coordSystem={coordSystem}
        busy={upload.busy}
        onFile={chooseFile}
        onCoordSystem={(value) => {
          setCoordSystem(value);
          setChecked(null);
        }}
        onNext={() => void start()}
      />
    );
  else if (step === 1 || !checked)
    body = (
      <MappingStep
        header={header}
        headerRow={headerRow ?? 1}
        onHeaderRow={(row) => void changeHeaderRow(row)}
        mapping={mapping}
        checked={report}
        manual={manual}
        unrecognized={unrecognized}
        serverProblems={serverProblems}
        busy={upload.busy}
        onChange={(next) => {
          setMapping(next);
          setServerProblems([]);
        }}
        onRecheck={() => void recheck(false)}
        onBack={() => setStep(0)}
        onNext={() => void recheck(true)}
      />
    );
  else
    body = (
      <ReportStep
        report={checked.report}
        fileName={file.name}
        busy={upload.busy}
        onCommit={() => void commit('commit')}
        onCommitValid={() => void commit('commit-valid')}
        onBack={() => setStep(1)}
      />
    );

  return (
    <>
      <PageHeader
        title={t('householdImport.title')}
        extra={<Button onClick={() => navigate('/households')}>{t('householdImport.back')}</Button>}
      />
      <Card>
        <Steps
          // Past the last step once the import is written: every step shows as done.
          current={step === 3 ? 4 : step}
          style={{ marginBottom: 24 }}
          items={[
            { title: t('householdImport.stepFile') },
            { title: t('householdImport.stepMapping') },
            { title: t('householdImport.stepReport') },
            { title: t('householdImport.stepDone') },
          ]}
          data-testid="import-steps"
        />
        {upload.state ? <ImportProgress state={upload.state} onCancel={upload.cancel} /> : null}
        {resumedCheck ? (
          <Alert
            type="info"
            showIcon
            title={t('householdImport.resumedCheck', {
              rows: formatCount(resumedCheck.rowsRead),
              valid: formatCount(resumedCheck.validRows),
              invalid: formatCount(resumedCheck.invalidRows),
            })}
            style={{ marginBottom: 16 }}
            data-testid="import-resumed-check"
          />
        ) : null}
        {error ? (
          <Alert
            type="error"
            showIcon
            closable={{ onClose: () => setError(null) }}
            title={errorMessage(error)}
            style={{ marginBottom: 16 }}
            data-testid="import-error"
          />
        ) : null}
        {body}
      </Card>
    </>
  );
}

export default HouseholdImportPage;
