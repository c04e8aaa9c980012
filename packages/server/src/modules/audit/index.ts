// The audit module's public surface: other modules and the composition roots import only this file.
export { auditRoutes } from './audit.routes.js';
export {
  type AuditActor,
  type AuditEntry,
  type AuditResult,
  auditActorOf,
  recordAudit,
} from './audit.service.js';
export type { AuditObjectNamer, AuditObjectNamers } from './audit-object-names.js';
export {
  type AuditSealer,
  type AuditSealing,
  type SealResult,
  sealAuditChain,
  startAuditSealer,
} from './audit-sealer.js';
export { type ChainVerification, type VerifyOptions, verifyAuditChain } from './audit-verify.js';
