// The household-import module's surface: what other modules, the CLI and the job workers may call.
export {
  analyzeRegister,
  type BulkHousehold,
  type BulkResident,
  type BulkResult,
  writeHouseholdBatch,
} from './household-bulk.service.js';
export { startHouseholdImportWorker } from './household-import.jobs.js';
export { householdImportRoutes } from './household-import.routes.js';
export { ImportMappingError } from './household-import.service.js';
export { type ProgressListener, runHouseholdImportHere } from './household-import-job.service.js';
