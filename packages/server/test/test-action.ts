import type { AuditAction } from '@fengqiao/shared';

/** A made-up action for chain tests: rows no real flow writes, so no name is needed for them. */
export function testAction(code: `test.${string}`): AuditAction {
  return code as AuditAction;
}
