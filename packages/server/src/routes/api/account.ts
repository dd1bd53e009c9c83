/**
 * `/api/account`: the caller's own account security — two-factor sign-in (TOTP): status, enrolment,
 * confirmation (which hands out recovery codes) and turning it off with a current code.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { principalOf } from '../../app.ts';
import {
  apiRecoveryCodesSchema,
  apiTotpEnrolmentSchema,
  apiTotpStatusSchema,
  presentTotpEnrolment,
  presentTotpStatus,
  secondFactorBody,
} from '../../presenters/account.ts';
import { errorResponses } from './common.ts';

const enrolBody = z
  .object({
    password: z
      .string()
      .min(1, 'required')
      .max(1000)
      .describe("The account's password, asked again before a second factor is added."),
  })
  .describe('The password of the account enrolling.');

const confirmBody = z
  .object({
    code: z
      .string()
      .trim()
      .regex(/^\d{6}$/, 'must be 6 digits')
      .describe('The current 6-digit code the authenticator app shows for the new secret.'),
  })
  .describe('The first code of the new secret.');

const disabled = z.object({ ok: z.literal(true).describe('Always true.') }).describe('Turned off.');

/** Account security routes. */
export const accountRoutes: FastifyPluginAsyncZod = async (app) => {
  const { totp } = app.services;

  app.get(
    '/account/totp',
    {
      schema: {
        tags: ['account'],
        operationId: 'getTotpStatus',
        summary: 'Get my two-factor status',
        description:
          'Whether two-factor sign-in (TOTP) is on for the caller, and how many recovery codes remain. Only for session callers.',
        response: { 200: apiTotpStatusSchema, ...errorResponses },
      },
    },
    async (request) => presentTotpStatus(await totp.status(principalOf(request))),
  );

  app.post(
    '/account/totp',
    {
      schema: {
        tags: ['account'],
        operationId: 'enrolTotp',
        summary: 'Start two-factor enrolment',
        description:
          'Creates a new TOTP secret (stored encrypted) and returns it once, with its `otpauth://` URI and a QR ' +
          'code for an authenticator app. Sign-in is unchanged until a code confirms it ' +
          '(`POST /api/account/totp/confirm`); starting again replaces an unconfirmed secret. Only for accounts ' +
          "with a password, and only while two-factor sign-in is off; the account's `password` is asked again " +
          '(401 naming `password` when wrong), so a session of one organization cannot lock its person out of ' +
          'another. Only for session callers.',
        body: enrolBody,
        response: { 200: apiTotpEnrolmentSchema, ...errorResponses },
      },
    },
    async (request) => presentTotpEnrolment(await totp.enrol(principalOf(request), request.body.password)),
  );

  app.post(
    '/account/totp/confirm',
    {
      schema: {
        tags: ['account'],
        operationId: 'confirmTotp',
        summary: 'Turn on two-factor sign-in',
        description:
          'Confirms the enrolment with the current code of the new secret: from now on sign-in asks for a code ' +
          'after the password. Returns ten one-time recovery codes, shown only here. Audited as ' +
          '`account.totp_enabled`; wrong codes as `auth.totp_failed`. Only for session callers.',
        body: confirmBody,
        response: { 200: apiRecoveryCodesSchema, ...errorResponses },
      },
    },
    async (request) => totp.confirm(principalOf(request), request.body.code),
  );

  app.post(
    '/account/totp/disable',
    {
      schema: {
        tags: ['account'],
        operationId: 'disableTotp',
        summary: 'Turn off two-factor sign-in',
        description:
          'Turns two-factor sign-in off, given a current code or an unused recovery code; the secret and the ' +
          'recovery codes are forgotten. Audited as `account.totp_disabled`. Only for session callers.',
        body: secondFactorBody,
        response: { 200: disabled, ...errorResponses },
      },
    },
    async (request) => {
      await totp.disable(principalOf(request), request.body);
      return { ok: true as const };
    },
  );
};
