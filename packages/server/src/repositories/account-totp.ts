/**
 * Queries of a person's second factor (TOTP). Users are global, not per organization, and the app role
 * may only read the members of its organization, so every write here goes through the system connection
 * — as password writes do — and each names the user by id.
 */
import { and, eq, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db } from '../db/database.ts';
import { users } from '../db/schema.ts';

/** What the second-factor service reads of a person. */
export interface TotpState {
  id: string;
  email: string;
  /** Whether the person has a password (TOTP is offered to password users only). */
  hasPassword: boolean;
  /** The sealed secret of the confirmed factor; null when off. */
  secret: string | null;
  /** The sealed secret being enrolled; null when no enrolment is pending. */
  pendingSecret: string | null;
  enabledAt: Date | null;
  /** Hashes of the unused recovery codes. */
  recoveryCodes: string[];
}

/** A person's password hash (system access): null without a password or for an unknown id. */
export async function findPasswordHash(system: Db, userId: string): Promise<string | null> {
  const [row] = await system
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row?.passwordHash ?? null;
}

/** A person's second-factor state (system access), or undefined for an unknown id. */
export async function findTotpState(system: Db, userId: string): Promise<TotpState | undefined> {
  const [row] = await system
    .select({
      id: users.id,
      email: users.email,
      hasPassword: sql<boolean>`${users.passwordHash} IS NOT NULL`,
      secret: users.totpSecret,
      pendingSecret: users.totpPendingSecret,
      enabledAt: users.totpEnabledAt,
      recoveryCodes: users.totpRecoveryCodes,
    })
    .from(users)
    .where(eq(users.id, userId))
    .limit(1);
  return row ? { ...row, recoveryCodes: row.recoveryCodes ?? [] } : undefined;
}

/** Stores a sealed secret being enrolled (replacing an earlier pending one); only while TOTP is off. */
export async function setPendingTotpSecret(system: Db, userId: string, sealed: string): Promise<boolean> {
  const rows = await system
    .update(users)
    .set({ totpPendingSecret: sealed })
    .where(and(eq(users.id, userId), isNull(users.totpEnabledAt)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/**
 * Turns the factor on: the pending secret becomes the secret, `step` the last accepted time step, and
 * the recovery code hashes replace any earlier ones. Only if the pending secret is still `pending`.
 */
export async function enableTotp(
  system: Db,
  input: { userId: string; pending: string; step: number; recoveryCodes: string[]; at: Date },
): Promise<boolean> {
  const rows = await system
    .update(users)
    .set({
      totpSecret: input.pending,
      totpPendingSecret: null,
      totpEnabledAt: input.at,
      totpLastStep: input.step,
      totpRecoveryCodes: input.recoveryCodes,
    })
    .where(and(eq(users.id, input.userId), eq(users.totpPendingSecret, input.pending)))
    .returning({ id: users.id });
  return rows.length > 0;
}

/** Turns the factor off and forgets its secret, recovery codes and last step. */
export async function disableTotp(system: Db, userId: string): Promise<void> {
  await system
    .update(users)
    .set({
      totpSecret: null,
      totpPendingSecret: null,
      totpEnabledAt: null,
      totpLastStep: null,
      totpRecoveryCodes: null,
    })
    .where(eq(users.id, userId));
}

/**
 * Accepts a code of time step `step` once: records it as the last step if it is later than the last one
 * accepted. False when this step (or a later one) was already used — the code is a replay.
 */
export async function claimTotpStep(system: Db, userId: string, step: number): Promise<boolean> {
  const rows = await system
    .update(users)
    .set({ totpLastStep: step })
    .where(
      and(
        eq(users.id, userId),
        isNotNull(users.totpEnabledAt),
        or(isNull(users.totpLastStep), lt(users.totpLastStep, step)),
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}

/**
 * Uses up a recovery code by its hash: removes it from the unused ones in one conditional update, so a
 * code works once even under concurrent attempts. False when the hash is not among them.
 */
export async function consumeRecoveryCode(system: Db, userId: string, hash: string): Promise<boolean> {
  const rows = await system
    .update(users)
    .set({ totpRecoveryCodes: sql`${users.totpRecoveryCodes} - ${hash}::text` })
    .where(
      and(
        eq(users.id, userId),
        isNotNull(users.totpEnabledAt),
        sql`${users.totpRecoveryCodes} ? ${hash}::text`,
      ),
    )
    .returning({ id: users.id });
  return rows.length > 0;
}
