/** A person's account security: the second factor (TOTP) status, enrolment and recovery codes. */
import { z } from 'zod';
import type { TotpEnrolment, TotpStatus } from '../services/account-totp.ts';

const timestamp = (what: string) => z.string().meta({ format: 'date-time' }).describe(what);

/** The caller's second-factor status. */
export const apiTotpStatusSchema = z
  .object({
    enabled: z.boolean().describe('Whether sign-in asks for a 6-digit code after the password.'),
    enabledAt: timestamp('When two-factor sign-in was turned on.')
      .nullable()
      .describe('When two-factor sign-in was turned on; null when off.'),
    pending: z.boolean().describe('Whether an enrolment was started and awaits its first code.'),
    recoveryCodesLeft: z.number().int().min(0).describe('How many recovery codes are still unused.'),
    available: z
      .boolean()
      .describe('Whether the account can use it: only accounts that sign in with a password can.'),
  })
  .describe('Two-factor sign-in (TOTP) of the caller.');
/** The second-factor status. */
export type ApiTotpStatus = z.infer<typeof apiTotpStatusSchema>;

/** Presents the second-factor status. */
export function presentTotpStatus(status: TotpStatus): ApiTotpStatus {
  return { ...status, enabledAt: status.enabledAt?.toISOString() ?? null };
}

/** A started enrolment: shown once. */
export const apiTotpEnrolmentSchema = z
  .object({
    secret: z.string().describe('The secret (base32), for typing into an authenticator app by hand.'),
    uri: z.string().describe('The `otpauth://totp/…` URI that the QR code encodes.'),
    qrSvg: z.string().describe('The QR code of `uri`, as an SVG document.'),
  })
  .describe('A started two-factor enrolment: add it to an authenticator app, then confirm with a code.');

/** Presents a started enrolment. */
export function presentTotpEnrolment(enrolment: TotpEnrolment): z.infer<typeof apiTotpEnrolmentSchema> {
  return { secret: enrolment.secret, uri: enrolment.uri, qrSvg: enrolment.qrSvg };
}

/** The recovery codes handed out when two-factor sign-in is turned on. */
export const apiRecoveryCodesSchema = z
  .object({
    recoveryCodes: z
      .array(z.string().describe('A recovery code.'))
      .describe('Ten one-time recovery codes; shown only in this response.'),
  })
  .describe('Two-factor sign-in is on; keep these recovery codes somewhere safe.');

/** Proof of the second factor (sign-in's code step, turning the factor off): a code or a recovery code. */
export const secondFactorBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be 6 digits')
      .optional()
      .describe('The 6-digit code of the authenticator app.'),
    recoveryCode: z
      .string()
      .trim()
      .min(1)
      .max(64)
      .optional()
      .describe('One of the recovery codes handed out at enrolment, instead of `code`; each works once.'),
  })
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: 'send exactly one of code and recoveryCode',
    path: ['code'],
  })
  .describe('The second factor: a code or a recovery code.');
