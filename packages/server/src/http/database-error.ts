import type { MessageKey } from '@fengqiao/shared/messages';
import { AppError } from './app-error.js';

/** The fields of a PostgreSQL error (pg's DatabaseError) that choose the answer; never its values. */
export interface PostgresError {
  code: string;
  constraint?: string;
  table?: string;
  detail?: string;
}

/**
 * Unique constraints by name → the code and the catalog key of the 409's reason. The codes are those the
 * services use when they see the clash first, so a race answers as the sequential case does.
 */
const UNIQUE_CONSTRAINTS: Record<string, { code: MessageKey; key: MessageKey }> = {
  users_username_key: { code: 'username_taken', key: 'username_taken.db' },
  org_units_code_key: { code: 'org_code_taken', key: 'org_code_taken.db' },
  households_address_index_key: { code: 'household_exists', key: 'household_exists.db' },
  households_qr_code_key: { code: 'conflict', key: 'conflict.qr_code' },
  residents_id_card_index_key: { code: 'resident_exists', key: 'resident_exists.db' },
};

const SQLSTATE = /^[0-9A-Z]{5}$/;

/** The PostgreSQL error behind `error`, looking through wrappers such as Drizzle's DrizzleQueryError. */
export function postgresErrorOf(error: unknown): PostgresError | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current && typeof current === 'object'; depth++) {
    const candidate = current as Partial<PostgresError> & { severity?: unknown; cause?: unknown };
    if (typeof candidate.code === 'string' && SQLSTATE.test(candidate.code) && 'severity' in candidate) {
      return candidate as PostgresError;
    }
    current = candidate.cause;
  }
  return undefined;
}

/**
 * The 4xx a database refusal stands for, or undefined for faults that are the server's (a 500).
 * Bad input should be caught by schemas and services first; this is the net beneath them, so a race
 * or a missed check still answers as the client's problem, in the client's language, without the
 * database's text.
 */
export function problemOfDatabaseError(error: PostgresError): AppError | undefined {
  switch (error.code) {
    case '23505': {
      const known = error.constraint ? UNIQUE_CONSTRAINTS[error.constraint] : undefined;
      return new AppError(409, known?.code ?? 'conflict', undefined, undefined, { key: known?.key });
    }
    case '23503':
      // pg says "is still referenced from table" when a delete would orphan rows.
      return error.detail?.includes('still referenced')
        ? new AppError(409, 'still_referenced')
        : new AppError(422, 'invalid_reference');
    case '23502':
      return new AppError(422, 'missing_value');
    case '23514':
    case '23P01':
      return new AppError(422, 'constraint_violation');
    case '22001':
      return new AppError(422, 'value_too_long');
    case '22003':
      return new AppError(422, 'value_out_of_range');
    case '40001':
    case '40P01':
      return new AppError(409, 'concurrent_update');
  }
  // Class 22, data exception: invalid text (22P02), bytes not in UTF-8 (22021), bad dates, ….
  if (error.code.startsWith('22')) return new AppError(400, 'invalid_value');
  return undefined;
}
