export interface paths {
    "/api/account/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get my two-factor status
         * @description Whether two-factor sign-in (TOTP) is on for the caller, and how many recovery codes remain. Only for session callers.
         */
        get: operations["getTotpStatus"];
        put?: never;
        /**
         * Start two-factor enrolment
         * @description Creates a new TOTP secret (stored encrypted) and returns it once, with its `otpauth://` URI and a QR code for an authenticator app. Sign-in is unchanged until a code confirms it (`POST /api/account/totp/confirm`); starting again replaces an unconfirmed secret. Only for accounts with a password, and only while two-factor sign-in is off; the account's `password` is asked again (401 naming `password` when wrong), so a session of one organization cannot lock its person out of another. Only for session callers.
         */
        post: operations["enrolTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/totp/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn on two-factor sign-in
         * @description Confirms the enrolment with the current code of the new secret: from now on sign-in asks for a code after the password. Returns ten one-time recovery codes, shown only here. Audited as `account.totp_enabled`; wrong codes as `auth.totp_failed`. Only for session callers.
         */
        post: operations["confirmTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/account/totp/disable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Turn off two-factor sign-in
         * @description Turns two-factor sign-in off, given a current code or an unused recovery code; the secret and the recovery codes are forgotten. Audited as `account.totp_disabled`. Only for session callers.
         */
        post: operations["disableTotp"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Every API key of the organization, revoked ones included, oldest first; never their secrets. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Creates an API key and returns its secret once. A test key may only create test keys. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        post: operations["createApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an API key
         * @description Revokes an API key at once; requests with it fail from then on. A test key may only revoke test keys. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        delete: operations["revokeApiKey"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/api-keys/{id}/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate an API key
         * @description Creates a new key with the same name and environment and returns its secret once; the old key keeps working for `overlapMinutes` (default 60, at most 7 days) and is then refused like a revoked key. Rotating a key that is already rotated keeps the earlier end if it comes sooner. A test key may only rotate test keys. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        post: operations["rotateApiKey"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List audit events
         * @description The organization's audit log, newest first, a page at a time (pass `next` back as `before`): every administrative change, key and role change, export, and every view of task data by a person, with who acted, what, on which object, when and from where. Test keys are refused. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        get: operations["listAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-events/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Export audit events as JSON Lines
         * @description Streams the events matching the filters (those of the list) oldest first, as an attachment `audit-<org>-<date>.jsonl`, for auditors to verify offline. The export is itself recorded (`audit.export`) and included. Each line is one event with its stored columns: `id`, `org_id`, `actor_type`, `actor_id`, `action`, `target_type`, `target_id`, `data`, `created_at`, `ip`, `user_agent`, `prev_hash`, `hash`. To check an event: remove `id`, `prev_hash` and `hash`, and `ip` and `user_agent` when they are null; write what remains as canonical JSON (no spaces, object keys sorted by UTF-16 code units at every level, strings and numbers as JavaScript’s `JSON.stringify` writes them); then `hash` must equal the hex SHA-256 of the UTF-8 bytes of `prev_hash` (the empty string when null), a newline (`\n`), and that canonical JSON. Without filters, each line’s `prev_hash` must also equal the previous line’s `hash` (the first event of the organization has none); ids may skip numbers. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        get: operations["exportAuditEvents"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/audit-events/verify": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Verify the audit chain
         * @description Walks the organization's audit events in chain order, recomputes each hash and checks each link to the event before it; answers the first broken link (an edited event, or events deleted, inserted or moved) with counts. A broken chain is answered with `intact: false` (still 200) and recorded as an `audit.verify_failed` event at the chain's end. The same check as `groundwork audit verify`. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        post: operations["verifyAuditEvents"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log in
         * @description Checks an email and password and starts a session: sets the `gw_session` cookie (HttpOnly) and returns the CSRF token to send with every write. Too many failed attempts answer 429. For a person with two-factor sign-in on, the answer is 401 `second_factor_required` with the `gw_login_challenge` cookie set: send the code to `POST /api/auth/login/totp` within 5 minutes. Needs no authentication.
         */
        post: operations["login"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/login/totp": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finish logging in with a second factor
         * @description The second step of signing in for a person with two-factor sign-in on: redeems the `gw_login_challenge` cookie of `POST /api/auth/login` with the current 6-digit code (one step of clock drift either way; a code works once) or an unused recovery code, then starts the session as the login does. A wrong code answers 401; after 5 wrong codes the challenge answers 429 and the password step must be repeated. Needs no authentication.
         */
        post: operations["loginSecondFactor"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Log out
         * @description Ends the session of the cookie and clears the cookie. Only for session callers.
         */
        post: operations["logout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the current session
         * @description The logged-in person, organization, role and CSRF token of the session cookie (401 when logged out). Only for session callers.
         */
        get: operations["getSession"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sso/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Finish signing in with SSO
         * @description The redirect URI registered at the provider. Checks the state against the flow cookie, exchanges the code, verifies the ID token and the email, then sets the session cookie and redirects to the app; any failure redirects to `/login?sso_error=<reason>`. For browsers. Needs no authentication.
         */
        get: operations["completeSsoSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sso/{orgSlug}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Whether an organization offers SSO
         * @description Tells the login page whether "Use single sign-on (SSO)" works for an organization, and where to start. No secrets; an unknown organization answers like one without SSO. Needs no authentication.
         */
        get: operations["getSsoAvailability"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/auth/sso/{orgSlug}/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Start signing in with SSO
         * @description Redirects the browser to the organization's OpenID provider (authorization code flow with PKCE S256, state and nonce kept in a sealed, HttpOnly, SameSite=Lax cookie for 10 minutes). Without SSO it redirects to `/login?sso_error=not_configured`. For browsers. Needs no authentication.
         */
        get: operations["startSsoSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/batches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List batches
         * @description Batches of the caller's environment, newest first. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["listBatches"];
        put?: never;
        /**
         * Create a batch
         * @description Creates a batch in a project; 409 `name_taken` if the name is used. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["createBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/batches/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a batch
         * @description A batch by name, with its task counts by status. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Change a batch
         * @description Sets a batch's queue priority; its open slots are re-stamped in the same transaction. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        patch: operations["updateBatch"];
        trace?: never;
    };
    "/api/batches/{name}/finalize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Finalize a batch
         * @description Releases a staging batch's tasks to annotators (queues their labeling slots); a batch already in progress is returned unchanged. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["finalizeBatch"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List webhook deliveries
         * @description Webhook deliveries of the caller's environment, newest first, a page at a time: pass `nextCursor` back as `cursor` for the next page. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["listDeliveries"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deliveries/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a webhook delivery
         * @description A delivery with the body it sends and every attempt so far. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["getDelivery"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/deliveries/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Re-send a webhook delivery
         * @description Sends the delivery's event again, now, as a new delivery (new id, a fresh cycle of attempts) with the same body and target; the original keeps its history. Audited. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["resendDelivery"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get an export
         * @description Its status and progress (`done` of `total` tasks). Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cancel an export
         * @description A queued or running export stops and leaves no file. Canceling a canceled export changes nothing; a completed or failed one answers 409 `export_finished`. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["cancelExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{id}/download": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download an export’s file
         * @description Streams the file of a completed export as an attachment named `<project>-<format>-<date>.<ext>`; 404 until it is completed. Recorded in the audit log. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["downloadExport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/exports/{id}/repeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Repeat an export
         * @description A new export with the format, options, `asOf` and params version of this one: the same file while the data is unchanged. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["repeatExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Upload a file
         * @description Stores the `file` part of a multipart/form-data body; use its `attachmentUrl` in tasks. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["uploadFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import a file from a URL
         * @description Downloads a file from a public http(s) URL and stores it. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["importFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a file
         * @description A file's description by id. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/files/{id}/content": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Download a file's content
         * @description Streams the stored bytes with the file's content type. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getFileContent"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/gold/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a gold task
         * @description Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["getGoldTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /**
         * Archive or restore a gold task
         * @description Archived gold is no longer served; the answers it got and their scores stay. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        patch: operations["updateGoldTask"];
        trace?: never;
    };
    "/api/invitations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List invitations
         * @description Every invitation of the organization, newest first, with its status; never the tokens. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["listInvitations"];
        put?: never;
        /**
         * Invite someone
         * @description Creates an invitation link valid for 7 days; its token is shown only in this response. Managers may invite annotators, reviewers and viewers, admins any role but owner, owners any role. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["createInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Accept an invitation
         * @description Creates the account of the invited email (or checks the password of the existing one), adds the membership, and logs in like `login` (sets the session cookie). 409 `already_member` when the person already is a member. Needs no authentication.
         */
        post: operations["acceptInvitation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/by-token/{token}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Look at an invitation link
         * @description What an open link invites to; 404 (saying why) when it is unknown, used, revoked or expired. Needs no authentication.
         */
        get: operations["previewInvitation"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/invitations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Revoke an invitation
         * @description Makes the link stop working (409 `invitation_accepted` when it was already used). Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        delete: operations["revokeInvitation"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List members
         * @description Every member of the organization, by email. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["listMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{userId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * Remove a member
         * @description Removes the person from the organization and ends their sessions in it; their past work stays attributed. Only an owner may remove an owner; the last owner cannot be removed. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        delete: operations["removeMember"];
        options?: never;
        head?: never;
        /**
         * Change a member's role or status
         * @description Only an owner may grant or take the `owner` role; the last owner cannot be demoted or disabled (409 `last_owner`); nobody changes their own role or status. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        patch: operations["updateMember"];
        trace?: never;
    };
    "/api/members/{userId}/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End all of a member's sessions
         * @description Ends every session of a member in this organization at once (e.g. a lost laptop). Each is audited as `session.revoked`. 404 when the person is not a member. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        delete: operations["endMemberSessions"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{userId}/skills": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a member's skills
         * @description The skills and qualifications a member holds, expired ones included (`active: false`). Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["listMemberSkills"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{userId}/skills/{skill}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Grant a member a skill
         * @description Grants (or renews) a skill, recorded as granted by the caller. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        put: operations["grantMemberSkill"];
        post?: never;
        /**
         * Take away a member's skill
         * @description Removes a skill (granted or earned) and returns what was removed; 404 if the member does not hold it. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        delete: operations["revokeMemberSkill"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/members/{userId}/workforce": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Set a member's workforce
         * @description Puts a member in a workforce, or in none with null. 404 for a user who is not a member; 400 for a workforce that is unknown or archived. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        put: operations["setMemberWorkforce"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the caller's organization
         * @description The organization the API key belongs to, and the environment and role it acts with. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getOrg"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/sso": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the single sign-on settings
         * @description The organization's OpenID Connect configuration (the client secret only as a hint) and the redirect URI to register at the provider. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        get: operations["getSsoSettings"];
        /**
         * Configure single sign-on
         * @description Stores the organization's OpenID Connect provider after fetching its discovery document (through the outbound address policy); a provider that cannot be used answers 400 naming `issuer`. The client secret is stored encrypted and never returned. Audited as `sso.configure`. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        put: operations["saveSsoSettings"];
        post?: never;
        /**
         * Remove single sign-on
         * @description Removes the configuration: SSO sign-in stops and passwords work for everyone again. Audited as `sso.delete`. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        delete: operations["deleteSsoSettings"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/sso/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Test an OpenID provider
         * @description Fetches the discovery document of an issuer (or of the stored one) and shows what it says, without saving. 400 naming `issuer` when it cannot be used. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        post: operations["testSsoSettings"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/webhook-secrets": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the webhook secrets
         * @description The organization's `scale-callback-auth` value and signing secret. Shown in clear once: in the answer of the read that creates them (the first, unless a delivery created them; audited as `webhook_secrets.create`) — every later read shows them masked; rotate to get new ones. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        get: operations["getWebhookSecrets"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/org/webhook-secrets/rotate": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rotate the webhook secrets
         * @description Replaces both webhook secrets with new random ones and returns them in clear — the only time they are shown; store them now. Every attempt from now on (retries included) uses the new ones. Audited. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        post: operations["rotateWebhookSecrets"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/project-progress": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Every project with its progress
         * @description Every project of the caller's environment, oldest first, with its tasks counted by status (pending split into labeling and review) and when its latest task was completed — in one read, for the projects list. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["listProjectProgress"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description Every project of the caller's environment, oldest first. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project
         * @description Creates a project; 409 `name_taken` if the name is used. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["createProject"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a project
         * @description A project by name. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getProject"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/agreement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project's inter-annotator agreement
         * @description Over the labeling answers of task rounds answered by two or more people in the period (default: the last 30 days). For types with a categorical value (categorization, pairwise preference, comparison with choices): Krippendorff's alpha (nominal) overall, per value, per pair of people (Cohen's kappa) and per workforce. For every type: the mean pairwise score (the type's own score between two answers, made symmetric) per project, per pair of people and per workforce. Every figure comes with a 95 % bootstrap interval over task rounds; without data it is null with a `reason`. Reads at most the newest 200,000 labeling answers of the period (`truncated: true` when there were more). Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getProjectAgreement"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/exports": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a project’s exports
         * @description Newest first, at most 100. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["listExports"];
        put?: never;
        /**
         * Export a project’s tasks
         * @description Queues an export of the project's tasks in one format; a worker writes the file in the background (follow it with `GET /api/exports/{id}`). The export freezes `asOf` (now) and the project's params version, so repeating it gives the same file while the data is unchanged. 400 names `format` when the format does not apply to the project's type. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["createExport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/gold": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a project's gold tasks
         * @description Newest first, with how often each was answered and the mean score. Managers only: gold must stay hidden from the people it measures. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["listGoldTasks"];
        put?: never;
        /**
         * Create a gold task
         * @description An evaluation or training task of the project's type with its expected answer (the console's form of `/v1/evaluation_tasks/{type}` and `/v1/training_tasks/{type}`). 400 names each bad field of the params or of the expected answer. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["createGoldTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A project's progress and trends
         * @description Where the project's tasks stand — by status, by workflow stage, and for each of its newest 50 batches — and how work went over the period, one point per day or hour: tasks completed, labeling answers and review verdicts submitted, the mean agreement of the tasks completed, and the mean score of hidden-gold answers overall and per workforce. Every series has every bucket of the period (0 or null where nothing happened). Everything is counted in the database, so the answer stays small for any project size. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getProjectOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/param-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a project's param versions
         * @description Every version of the project's default params, oldest first; the last is current. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getProjectParamHistory"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/params": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Set a project's default params
         * @description Records a new version of the project's default params (and instruction); tasks created afterwards use it. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["setProjectParams"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/quality/refresh": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Recompute annotators' consensus reliability now
         * @description Measures each annotator's reliability from consensus over their labeling answers of the last 30 days — Dawid-Skene for categorical types, else the mean score against the final result — and stores it as the weight of their answers in consensus (source `consensus`), never over a reliability measured on gold. A job does this every 10 minutes for projects with `weighted_consensus`; this runs it now, whatever the policy. Running it again on the same data changes nothing. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["refreshProjectReliability"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/scorecards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scorecards of a project's annotators or workforces
         * @description Per annotator (or per workforce, pooling the answers given for it): hidden gold results with a 95 % bootstrap interval; agreement with the final result on tasks labeled by two or more; reviewers' verdicts on the rounds they labeled; throughput and median time; and the quality checks — implausibly fast answers (every type), and for pairwise preference side bias, length bias and circular preferences — with `flags` listing the flagged ones. Annotators also show their standing (pause, reliability). Default period: the last 30 days. Reads at most the newest 200,000 labeling answers and 200,000 gold answers of the period (`truncated: true` when there were more). Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["getProjectScorecards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/standings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * People's standing with a project
         * @description Everyone who answered the project's gold or was paused from it: training progress, gold results, the reliability their answers weigh in consensus, and any pause with its reason. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["listStandings"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/standings/{userId}/pause": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        /**
         * Pause or reinstate a person on a project
         * @description `paused: true` with a reason (shown to the person) ends their live leases on the project and keeps them from its work; `paused: false` reinstates them: their earlier gold no longer counts toward the pause rule, and a failed training gate is waived. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        put: operations["setPaused"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/task-filters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * What a project's task filters can be set to
         * @description The project's batches and the members who can answer tasks (for the `batch` and `annotator` filters of the task explorer). Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getTaskFilterOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Explore a project's tasks
         * @description A project's tasks (of the caller's environment), filtered, in creation order (`newest` or `oldest` first), a page at a time: pass `nextCursor` back as `cursor`. Every page costs the same however deep it is. Each row carries what a list shows (status, stage, batch, tags, agreement, who answered, a short preview), not the task's params. The first page also counts the matching tasks: exactly up to 10,000 when that takes less than 100 ms, else the database's estimate (`totalExact: false`). Gold tasks are never listed. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["exploreProjectTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/projects/{name}/workflow": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a project's workflow, routing, priority, quality and redaction policy
         * @description The project's work policy with defaults applied. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getProjectWorkflow"];
        /**
         * Set a project's workflow, routing, priority, quality and redaction policy
         * @description Replaces the given parts of the project's work policy. A change of routing or priority re-stamps the project's open queue slots at once; a change of overlap applies to tasks dispatched afterwards; a new quality policy applies to the next lease and the next gold answer. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        put: operations["setProjectWorkflow"];
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/scorecards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Scorecards across every project
         * @description The project scorecards over every project of the organization (of the key's environment) that is not archived; the checks stay per project. Per annotator (or per workforce, pooling the answers given for it): hidden gold results with a 95 % bootstrap interval; agreement with the final result on tasks labeled by two or more; reviewers' verdicts on the rounds they labeled; throughput and median time; and the quality checks — implausibly fast answers (every type), and for pairwise preference side bias, length bias and circular preferences — with `flags` listing the flagged ones. Annotators also show their standing (pause, reliability). Default period: the last 30 days. Reads at most the newest 200,000 labeling answers and 200,000 gold answers of the period (`truncated: true` when there were more). Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["getScorecards"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my sessions
         * @description The caller's live sessions in this organization (signed-in browsers), most recently used first, with where they signed in from; `current` marks the one of the request. Only for session callers.
         */
        get: operations["listSessions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/end-others": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * End all my other sessions
         * @description Ends every session of the caller in this organization except the current one (sign out everywhere else). Each is audited as `session.revoked`. Only for session callers.
         */
        post: operations["endOtherSessions"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/sessions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /**
         * End a session
         * @description Ends one session at once: the caller's own, or — for admins and owners — any member's in this organization. Its cookie is refused from then on. Ending the current session signs the caller out. Audited as `session.revoked`. Only for session callers.
         */
        delete: operations["endSession"];
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List tasks
         * @description Tasks of the caller's environment, newest first, a page at a time: pass `nextCursor` back as `cursor` for the next page. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["listTasks"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import tasks in bulk (NDJSON or CSV)
         * @description Creates many tasks of one type from an `application/x-ndjson` or `text/csv` body. By default all or nothing: every row is validated first and if any is invalid nothing is written and the error details name each bad line (`line 12`). With `mode=partial` the good rows are created (in chunks of 2,000, each in one transaction) and each bad row is reported by line, field and message in `problems`; only a body that cannot be read at all fails the request. With `onDuplicate=skip` rows whose unique_id already exists are counted as `skipped`, so an import can be re-run or resumed. Line numbers count from 1 over the whole body (a CSV header is line 1). At most 1,000,000 rows. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["importTasks"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a task
         * @description A task by id. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getTask"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Audit a completed task
         * @description The customer's verdict on a completed task, the same as Scale's `POST /v1/task/{id}/audit`: recorded among the task's audits (and as a review); a rejection sends the task back to labeling for a new round, with the comments shown to the annotators of the rejected round (test-environment tasks are not relabeled). 400 `task_not_pending` when the task is not completed. Answers the task's timeline. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        post: operations["auditTask"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/tasks/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * A task's timeline
         * @description Everything that happened to a task: the task (with the params version it was created under), every assignment of every stage and round (who, which workforce, when, how long, their answer or why they skipped), review verdicts and customer audits, the final response with the labeling consensus and agreement, the webhook deliveries — and all of it as one chronological event list. Another organization's task is not found. Allowed roles: `owner`, `admin`, `manager`, `viewer` (API keys act as `admin`).
         */
        get: operations["getTaskTimeline"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/assignments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List my assignments
         * @description The caller's own assignments, newest first. `feedback=true` lists only answers a reviewer rejected, with the comment. Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        get: operations["listMyAssignments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/assignments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get one of my assignments
         * @description One of the caller's assignments with its task, as leasing returned it. Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        get: operations["getMyAssignment"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/assignments/{id}/files/{fileId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Read a file of a leased task
         * @description Streams an uploaded file (`groundwork://files/<id>`) that the task of the caller's current lease shows, through a link the lease's `files` list gives: signed for the caller, the assignment and the file, valid for 10 minutes (403 when unsigned, changed — also recorded in the audit log — or expired: fetch the lease again for fresh links). 404 for any other file, or once the lease has ended: people see only what the work in their hands needs. Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        get: operations["getLeasedFile"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/assignments/{id}/heartbeat": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Extend a lease
         * @description Extends the caller's lease by the project's lease length. 409 `lease_expired` when it already ended, `lease_not_held` when it is no longer leased. Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        post: operations["heartbeatAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/assignments/{id}/release": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Release an assignment
         * @description Gives the slot back to the queue without prejudice (the caller may be offered it again). Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        post: operations["releaseAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/assignments/{id}/review": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Review a task
         * @description The verdict of a review lease: `accept` completes the task with the consensus, `fix` completes it with the corrected `response`, `reject` (with a `comment`) sends it back to labeling — the annotators see the comment. Allowed roles: `owner`, `admin`, `manager`, `reviewer` (API keys act as `admin`).
         */
        post: operations["reviewAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/assignments/{id}/skip": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Skip an assignment
         * @description Gives the slot back to the queue for someone else, with a reason; the caller is not offered this task again in this round. Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        post: operations["skipAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/assignments/{id}/submit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Submit an answer
         * @description Submits the answer of a labeling lease. It is checked against the task type's response schema and the task's params (labels that exist, minimum sizes, vertex counts, required fields): a 400 `invalid_response` names each bad field. When it is the round's last slot, the answers are merged by consensus and the task goes to review or completes. Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        post: operations["submitAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/next": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lease the next assignment
         * @description Leases the best open assignment the caller may take: projects routed to their workforce whose required skills they hold, highest priority first (project, batch, task), then oldest; never a task they already took, skipped or answered in this round. Concurrent callers never get the same slot. `assignment` is null when there is no work. Review leases need the `reviewer` role. Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        post: operations["leaseNextAssignment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/work/overview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * My work overview
         * @description What the caller's workbench home shows: the projects they may work — as `POST /api/work/next` decides (routed to their workforce, required skills held) — with how many labeling tasks and reviews they could lease now, and their own figures (answers, time, review verdicts, agreement, skips, live leases). Only the caller's organization and the caller's own work; API keys get 403 (work is for people). Allowed roles: `owner`, `admin`, `manager`, `reviewer`, `annotator` (API keys act as `admin`).
         */
        get: operations["getWorkOverview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workforces": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List workforces
         * @description The organization's workforces, oldest first. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["listWorkforces"];
        put?: never;
        /**
         * Create a workforce
         * @description Creates a workforce; 409 `name_taken` if the name is used. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        post: operations["createWorkforce"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/workforces/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get a workforce
         * @description A workforce by id. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["getWorkforce"];
        put?: never;
        post?: never;
        /**
         * Archive a workforce
         * @description Archives a workforce (nothing is deleted: past work stays attributed, members keep it until moved). Refused with 409 `workforce_in_use`, naming the projects, while any project routes to it. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        delete: operations["archiveWorkforce"];
        options?: never;
        head?: never;
        /**
         * Change a workforce
         * @description Renames, re-describes, archives or restores a workforce; 409 `name_taken` if renamed to a name in use, 409 `workforce_in_use` when archiving one a project routes to. Allowed roles: `owner`, `admin` (API keys act as `admin`).
         */
        patch: operations["updateWorkforce"];
        trace?: never;
    };
    "/api/workforces/{id}/members": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a workforce's members
         * @description The members who work for the workforce, by email. Allowed roles: `owner`, `admin`, `manager` (API keys act as `admin`).
         */
        get: operations["listWorkforceMembers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: never;
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getTotpStatus: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Two-factor sign-in (TOTP) of the caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the account can use it: only accounts that sign in with a password can. */
                        available: boolean;
                        /** @description Whether sign-in asks for a 6-digit code after the password. */
                        enabled: boolean;
                        /** @description When two-factor sign-in was turned on; null when off. */
                        enabledAt: string | null;
                        /** @description Whether an enrolment was started and awaits its first code. */
                        pending: boolean;
                        /** @description How many recovery codes are still unused. */
                        recoveryCodesLeft: number;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    enrolTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The password of the account enrolling. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The account's password, asked again before a second factor is added. */
                    password: string;
                };
            };
        };
        responses: {
            /** @description A started two-factor enrolment: add it to an authenticator app, then confirm with a code. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The QR code of `uri`, as an SVG document. */
                        qrSvg: string;
                        /** @description The secret (base32), for typing into an authenticator app by hand. */
                        secret: string;
                        /** @description The `otpauth://totp/…` URI that the QR code encodes. */
                        uri: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    confirmTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The first code of the new secret. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The current 6-digit code the authenticator app shows for the new secret. */
                    code: string;
                };
            };
        };
        responses: {
            /** @description Two-factor sign-in is on; keep these recovery codes somewhere safe. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Ten one-time recovery codes; shown only in this response. */
                        recoveryCodes: string[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    disableTotp: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The second factor: a code or a recovery code. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code of the authenticator app. */
                    code?: string;
                    /** @description One of the recovery codes handed out at enrolment, instead of `code`; each works once. */
                    recoveryCode?: string;
                };
            };
        };
        responses: {
            /** @description Turned off. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true.
                         * @enum {boolean}
                         */
                        ok: true;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listApiKeys: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of API keys. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The API keys. */
                        items: {
                            /**
                             * Format: date-time
                             * @description When the key was created.
                             */
                            createdAt: string;
                            /**
                             * @description The environment the key acts in.
                             * @enum {string}
                             */
                            environment: "live" | "test";
                            /** @description When the key stops working (set when it was rotated); null: no end. */
                            expiresAt: string | null;
                            /** @description API key id. */
                            id: string;
                            /** @description When the key was last used. */
                            lastUsedAt: string | null;
                            /** @description Name given to the key. */
                            name: string;
                            /** @description The first characters of the key, to recognize it. */
                            prefix: string;
                            /** @description The id of the key that replaced this one in a rotation, if it was rotated. */
                            replacedBy: string | null;
                            /** @description When the key was revoked, if it was. */
                            revokedAt: string | null;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    createApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A new API key. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description `live` keys see live data; `test` keys see a separate test environment.
                     * @enum {string}
                     */
                    environment: "live" | "test";
                    /** @description A name to recognize the key by. */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A new API key with its secret. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the key was created.
                         */
                        createdAt: string;
                        /**
                         * @description The environment the key acts in.
                         * @enum {string}
                         */
                        environment: "live" | "test";
                        /** @description When the key stops working (set when it was rotated); null: no end. */
                        expiresAt: string | null;
                        /** @description API key id. */
                        id: string;
                        /** @description The secret key. It is shown only in this response; store it now. */
                        key: string;
                        /** @description When the key was last used. */
                        lastUsedAt: string | null;
                        /** @description Name given to the key. */
                        name: string;
                        /** @description The first characters of the key, to recognize it. */
                        prefix: string;
                        /** @description The id of the key that replaced this one in a rotation, if it was rotated. */
                        replacedBy: string | null;
                        /** @description When the key was revoked, if it was. */
                        revokedAt: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    revokeApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An API key of the organization. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the key was created.
                         */
                        createdAt: string;
                        /**
                         * @description The environment the key acts in.
                         * @enum {string}
                         */
                        environment: "live" | "test";
                        /** @description When the key stops working (set when it was rotated); null: no end. */
                        expiresAt: string | null;
                        /** @description API key id. */
                        id: string;
                        /** @description When the key was last used. */
                        lastUsedAt: string | null;
                        /** @description Name given to the key. */
                        name: string;
                        /** @description The first characters of the key, to recognize it. */
                        prefix: string;
                        /** @description The id of the key that replaced this one in a rotation, if it was rotated. */
                        replacedBy: string | null;
                        /** @description When the key was revoked, if it was. */
                        revokedAt: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    rotateApiKey: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description How to rotate. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description How many minutes the old key keeps working beside the new one (0 to 10080, i.e. 7 days; default 60). 0 stops it at once.
                     * @default 60
                     */
                    overlapMinutes?: number;
                };
            };
        };
        responses: {
            /** @description A rotated API key: the new key with its secret, and the old one. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The new key. */
                        created: {
                            /**
                             * Format: date-time
                             * @description When the key was created.
                             */
                            createdAt: string;
                            /**
                             * @description The environment the key acts in.
                             * @enum {string}
                             */
                            environment: "live" | "test";
                            /** @description When the key stops working (set when it was rotated); null: no end. */
                            expiresAt: string | null;
                            /** @description API key id. */
                            id: string;
                            /** @description When the key was last used. */
                            lastUsedAt: string | null;
                            /** @description Name given to the key. */
                            name: string;
                            /** @description The first characters of the key, to recognize it. */
                            prefix: string;
                            /** @description The id of the key that replaced this one in a rotation, if it was rotated. */
                            replacedBy: string | null;
                            /** @description When the key was revoked, if it was. */
                            revokedAt: string | null;
                        };
                        /** @description The secret of the new key. It is shown only in this response; store it now. */
                        key: string;
                        /** @description The old key, with the time it stops working (`expiresAt`). */
                        retired: {
                            /**
                             * Format: date-time
                             * @description When the key was created.
                             */
                            createdAt: string;
                            /**
                             * @description The environment the key acts in.
                             * @enum {string}
                             */
                            environment: "live" | "test";
                            /** @description When the key stops working (set when it was rotated); null: no end. */
                            expiresAt: string | null;
                            /** @description API key id. */
                            id: string;
                            /** @description When the key was last used. */
                            lastUsedAt: string | null;
                            /** @description Name given to the key. */
                            name: string;
                            /** @description The first characters of the key, to recognize it. */
                            prefix: string;
                            /** @description The id of the key that replaced this one in a rotation, if it was rotated. */
                            replacedBy: string | null;
                            /** @description When the key was revoked, if it was. */
                            revokedAt: string | null;
                        };
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listAuditEvents: {
        parameters: {
            query?: {
                /** @description Only events of this actor: a user id or an API key id. */
                actor?: string;
                /** @description Only events whose action starts with this: `task.` for every task event, `task.view` for one action. */
                action?: string;
                /** @description Only events about objects of this kind (`task`, `api_key`, `user`, `project`...). */
                targetType?: string;
                /** @description Only events about the object with this id (with `targetType`). */
                targetId?: string;
                /** @description Only events at or after this time (ISO 8601). */
                from?: string;
                /** @description Only events before this time (ISO 8601). */
                to?: string;
                /** @description Largest number of items to return (1–100, default 100). */
                limit?: number;
                /** @description Only events older than this id: the `next` of the previous page. */
                before?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of audit events. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Events of this page, newest first. */
                        items: {
                            /** @description What happened, `noun.verb`: `api_key.create`, `member.update`, `task.view`, `export.download`... */
                            action: string;
                            /** @description Who acted. */
                            actor: {
                                /** @description The person’s email, when the actor is a current member. */
                                email: string | null;
                                /** @description The user id or API key id; null for the system. */
                                id: string | null;
                                /** @description The person’s name or the key’s name; null for the system and for former members. */
                                name: string | null;
                                /**
                                 * @description `user` (a person), `api_key`, or `system` (jobs, the command line).
                                 * @enum {string}
                                 */
                                type: "user" | "api_key" | "system";
                            };
                            /**
                             * Format: date-time
                             * @description When it happened.
                             */
                            createdAt: string;
                            /** @description Details of the event; their fields depend on the action. */
                            data: {
                                [key: string]: unknown;
                            };
                            /** @description Event id: increasing in chain order (ids may skip numbers). */
                            id: number;
                            /** @description The client address of the request; null for jobs and the command line. */
                            ip: string | null;
                            /** @description Which object the event is about; null for events about no single object (lists, exports of the log). */
                            target: {
                                /** @description The object’s id. */
                                id: string;
                                /** @description The kind of object: `task`, `api_key`, `user`, `project`... */
                                type: string;
                            } | null;
                            /** @description The client’s User-Agent; null when none was sent. */
                            userAgent: string | null;
                        }[];
                        /** @description `before` of the next page, or null at the end. */
                        next: number | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    exportAuditEvents: {
        parameters: {
            query?: {
                /** @description Only events of this actor: a user id or an API key id. */
                actor?: string;
                /** @description Only events whose action starts with this: `task.` for every task event, `task.view` for one action. */
                action?: string;
                /** @description Only events about objects of this kind (`task`, `api_key`, `user`, `project`...). */
                targetType?: string;
                /** @description Only events about the object with this id (with `targetType`). */
                targetId?: string;
                /** @description Only events at or after this time (ISO 8601). */
                from?: string;
                /** @description Only events before this time (ISO 8601). */
                to?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The events as JSON Lines, one per line, in chain order (oldest first). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/x-ndjson": string;
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    verifyAuditEvents: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The outcome of verifying the audit chain. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The first broken link; null when the chain is intact. A break is also recorded as `audit.verify_failed`. */
                        broken: {
                            /** @description Its action. */
                            action: string;
                            /**
                             * Format: date-time
                             * @description When that event says it happened.
                             */
                            createdAt: string;
                            /** @description The first event that fails. */
                            eventId: number;
                            /**
                             * @description `hash_mismatch`: the event was edited; `prev_hash_mismatch`: events were deleted, inserted or moved before it; `unexpected_prev_hash`: the events before the first one were deleted.
                             * @enum {string}
                             */
                            kind: "hash_mismatch" | "prev_hash_mismatch" | "unexpected_prev_hash";
                            /** @description What is wrong, in a sentence. */
                            reason: string;
                        } | null;
                        /** @description Whether every event checked out. */
                        intact: boolean;
                        /** @description Its hash: keep it elsewhere to detect later rewrites or removals from the end. */
                        lastVerifiedHash: string | null;
                        /** @description The last event that checked out; null when none did. */
                        lastVerifiedId: number | null;
                        /** @description The summary line: `OK: N events, chain intact` or `BROKEN at event <id> (<time>, <action>): <reason>`. */
                        message: string;
                        /** @description Events of the organization when the verification started. */
                        total: number;
                        /** @description Events that checked out: all of them when intact, those before the break otherwise. */
                        verified: number;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    login: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Credentials. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Email address of the account. */
                    email: string;
                    /** @description Slug of the organization to work in (default: the person's oldest membership). */
                    org?: string;
                    /** @description Password of the account. */
                    password: string;
                };
            };
        };
        responses: {
            /** @description A logged-in session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send this value in the `x-csrf-token` header of every request that changes something. */
                        csrfToken: string;
                        /**
                         * Format: date-time
                         * @description When the session ends at the latest (it also ends after 12 hours of inactivity).
                         */
                        expiresAt: string;
                        /** @description The organization the session acts in. */
                        org: {
                            /** @description Organization id. */
                            id: string;
                            /** @description Display name of the organization. */
                            name: string;
                            /** @description URL-safe unique name of the organization. */
                            slug: string;
                        };
                        /**
                         * @description The person's role in the organization.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                        /** @description The logged-in person. */
                        user: {
                            /** @description Email address the person logs in with. */
                            email: string;
                            /** @description User id. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                        };
                        /** @description The person's workforce in the organization, if any. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    loginSecondFactor: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description The second factor: a code or a recovery code. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The 6-digit code of the authenticator app. */
                    code?: string;
                    /** @description One of the recovery codes handed out at enrolment, instead of `code`; each works once. */
                    recoveryCode?: string;
                };
            };
        };
        responses: {
            /** @description A logged-in session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send this value in the `x-csrf-token` header of every request that changes something. */
                        csrfToken: string;
                        /**
                         * Format: date-time
                         * @description When the session ends at the latest (it also ends after 12 hours of inactivity).
                         */
                        expiresAt: string;
                        /** @description The organization the session acts in. */
                        org: {
                            /** @description Organization id. */
                            id: string;
                            /** @description Display name of the organization. */
                            name: string;
                            /** @description URL-safe unique name of the organization. */
                            slug: string;
                        };
                        /**
                         * @description The person's role in the organization.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                        /** @description The logged-in person. */
                        user: {
                            /** @description Email address the person logs in with. */
                            email: string;
                            /** @description User id. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                        };
                        /** @description The person's workforce in the organization, if any. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    logout: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Logged out. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true.
                         * @enum {boolean}
                         */
                        ok: true;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getSession: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A logged-in session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send this value in the `x-csrf-token` header of every request that changes something. */
                        csrfToken: string;
                        /**
                         * Format: date-time
                         * @description When the session ends at the latest (it also ends after 12 hours of inactivity).
                         */
                        expiresAt: string;
                        /** @description The organization the session acts in. */
                        org: {
                            /** @description Organization id. */
                            id: string;
                            /** @description Display name of the organization. */
                            name: string;
                            /** @description URL-safe unique name of the organization. */
                            slug: string;
                        };
                        /**
                         * @description The person's role in the organization.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                        /** @description The logged-in person. */
                        user: {
                            /** @description Email address the person logs in with. */
                            email: string;
                            /** @description User id. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                        };
                        /** @description The person's workforce in the organization, if any. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    completeSsoSignIn: {
        parameters: {
            query?: {
                /** @description The authorization code from the provider. */
                code?: string;
                /** @description The state sent to the provider, returned unchanged. */
                state?: string;
                /** @description An error code from the provider. */
                error?: string;
                /** @description The provider's explanation of the error. */
                error_description?: string;
                /** @description The issuer of the response (RFC 9207). */
                iss?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the app, or to the login page with `sso_error`. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getSsoAvailability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Slug of the organization to sign in to. */
                orgSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Single sign-on availability. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether "Use single sign-on (SSO)" works for the organization (false also for one that does not exist). To sign in, send the browser to `/api/auth/sso/{orgSlug}/start`. */
                        enabled: boolean;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    startSsoSignIn: {
        parameters: {
            query?: {
                /** @description A relative path of the app to open after signing in (absolute URLs are ignored). */
                returnTo?: string;
            };
            header?: never;
            path: {
                /** @description Slug of the organization to sign in to. */
                orgSlug: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description To the provider, or to the login page with `sso_error`. */
            302: {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listBatches: {
        parameters: {
            query?: {
                /** @description Only batches of this project. */
                project?: string;
                /** @description Only batches with this status. */
                status?: "staging" | "in_progress" | "completed";
                /** @description Largest number of items to return (1–100, default 100). */
                limit?: number;
                /** @description Number of items to skip (default 0). */
                offset?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of batches. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The batches of this page. */
                        items: {
                            /** @description Whether the batch is archived. */
                            archived: boolean;
                            /** @description Whether this is a calibration batch. */
                            calibrationBatch: boolean;
                            /** @description URL or email notified when the batch completes. */
                            callback: string | null;
                            /** @description When the batch completed. */
                            completedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the batch was created.
                             */
                            createdAt: string;
                            /** @description Batch id. */
                            id: string;
                            /** @description Whether the batch belongs to the test environment. */
                            isTest: boolean;
                            /** @description Free-form metadata of the batch. */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description Unique name of the batch in its environment; used in paths. */
                            name: string;
                            /** @description Queue priority within the project, -100..100; higher is served first. */
                            priority: number;
                            /** @description Name of the project the batch belongs to. */
                            project: string;
                            /** @description Whether this is a self-label batch. */
                            selfLabelBatch: boolean;
                            /**
                             * @description `staging` until finalized, `in_progress` while tasks are open, `completed` when all are done.
                             * @enum {string}
                             */
                            status: "staging" | "in_progress" | "completed";
                            /**
                             * Format: date-time
                             * @description When the batch last changed.
                             */
                            updatedAt: string;
                        }[];
                        /** @description The page size used. */
                        limit: number;
                        /** @description The offset used. */
                        offset: number;
                        /** @description Number of batches matching the filters. */
                        total: number;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    createBatch: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A new batch. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Make it a calibration batch (starts in staging). */
                    calibrationBatch?: boolean;
                    /** @description URL or email notified when the batch completes. */
                    callback?: string | null;
                    /** @description Free-form metadata. */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    /** @description Unique name of the batch in its environment. */
                    name: string;
                    /** @description Queue priority within the project, -100..100 (default 0). */
                    priority?: number;
                    /** @description Name of the project the batch belongs to. */
                    project: string;
                    /** @description Make it a self-label batch (starts in staging). */
                    selfLabelBatch?: boolean;
                    /** @description Hold the tasks back from annotators until the batch is finalized. */
                    staging?: boolean;
                };
            };
        };
        responses: {
            /** @description A named group of tasks in a project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the batch is archived. */
                        archived: boolean;
                        /** @description Whether this is a calibration batch. */
                        calibrationBatch: boolean;
                        /** @description URL or email notified when the batch completes. */
                        callback: string | null;
                        /** @description When the batch completed. */
                        completedAt: string | null;
                        /**
                         * Format: date-time
                         * @description When the batch was created.
                         */
                        createdAt: string;
                        /** @description Batch id. */
                        id: string;
                        /** @description Whether the batch belongs to the test environment. */
                        isTest: boolean;
                        /** @description Free-form metadata of the batch. */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Unique name of the batch in its environment; used in paths. */
                        name: string;
                        /** @description Queue priority within the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Name of the project the batch belongs to. */
                        project: string;
                        /** @description Whether this is a self-label batch. */
                        selfLabelBatch: boolean;
                        /**
                         * @description `staging` until finalized, `in_progress` while tasks are open, `completed` when all are done.
                         * @enum {string}
                         */
                        status: "staging" | "in_progress" | "completed";
                        /**
                         * Format: date-time
                         * @description When the batch last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A batch with its task counts by status. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the batch is archived. */
                        archived: boolean;
                        /** @description Whether this is a calibration batch. */
                        calibrationBatch: boolean;
                        /** @description URL or email notified when the batch completes. */
                        callback: string | null;
                        /** @description When the batch completed. */
                        completedAt: string | null;
                        /**
                         * Format: date-time
                         * @description When the batch was created.
                         */
                        createdAt: string;
                        /** @description Batch id. */
                        id: string;
                        /** @description Whether the batch belongs to the test environment. */
                        isTest: boolean;
                        /** @description Free-form metadata of the batch. */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Unique name of the batch in its environment; used in paths. */
                        name: string;
                        /** @description Queue priority within the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Name of the project the batch belongs to. */
                        project: string;
                        /** @description Whether this is a self-label batch. */
                        selfLabelBatch: boolean;
                        /**
                         * @description `staging` until finalized, `in_progress` while tasks are open, `completed` when all are done.
                         * @enum {string}
                         */
                        status: "staging" | "in_progress" | "completed";
                        /** @description Number of tasks by status. */
                        taskCounts: {
                            /** @description Canceled tasks. */
                            canceled: number;
                            /** @description Tasks with an answer. */
                            completed: number;
                            /** @description Tasks that failed. */
                            error: number;
                            /** @description Tasks waiting for an answer. */
                            pending: number;
                        };
                        /**
                         * Format: date-time
                         * @description When the batch last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    updateBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        /** @description Changes to a batch. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Queue priority within the project, -100..100; the batch's open slots are re-stamped at once. */
                    priority: number;
                };
            };
        };
        responses: {
            /** @description A named group of tasks in a project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the batch is archived. */
                        archived: boolean;
                        /** @description Whether this is a calibration batch. */
                        calibrationBatch: boolean;
                        /** @description URL or email notified when the batch completes. */
                        callback: string | null;
                        /** @description When the batch completed. */
                        completedAt: string | null;
                        /**
                         * Format: date-time
                         * @description When the batch was created.
                         */
                        createdAt: string;
                        /** @description Batch id. */
                        id: string;
                        /** @description Whether the batch belongs to the test environment. */
                        isTest: boolean;
                        /** @description Free-form metadata of the batch. */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Unique name of the batch in its environment; used in paths. */
                        name: string;
                        /** @description Queue priority within the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Name of the project the batch belongs to. */
                        project: string;
                        /** @description Whether this is a self-label batch. */
                        selfLabelBatch: boolean;
                        /**
                         * @description `staging` until finalized, `in_progress` while tasks are open, `completed` when all are done.
                         * @enum {string}
                         */
                        status: "staging" | "in_progress" | "completed";
                        /**
                         * Format: date-time
                         * @description When the batch last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    finalizeBatch: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A named group of tasks in a project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the batch is archived. */
                        archived: boolean;
                        /** @description Whether this is a calibration batch. */
                        calibrationBatch: boolean;
                        /** @description URL or email notified when the batch completes. */
                        callback: string | null;
                        /** @description When the batch completed. */
                        completedAt: string | null;
                        /**
                         * Format: date-time
                         * @description When the batch was created.
                         */
                        createdAt: string;
                        /** @description Batch id. */
                        id: string;
                        /** @description Whether the batch belongs to the test environment. */
                        isTest: boolean;
                        /** @description Free-form metadata of the batch. */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Unique name of the batch in its environment; used in paths. */
                        name: string;
                        /** @description Queue priority within the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Name of the project the batch belongs to. */
                        project: string;
                        /** @description Whether this is a self-label batch. */
                        selfLabelBatch: boolean;
                        /**
                         * @description `staging` until finalized, `in_progress` while tasks are open, `completed` when all are done.
                         * @enum {string}
                         */
                        status: "staging" | "in_progress" | "completed";
                        /**
                         * Format: date-time
                         * @description When the batch last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listDeliveries: {
        parameters: {
            query?: {
                /** @description Only deliveries about this task. */
                taskId?: string;
                /** @description Only deliveries about this batch (or its tasks). */
                batchId?: string;
                /** @description Only deliveries with this status. */
                status?: "pending" | "succeeded" | "failed";
                /** @description Largest number of deliveries to return (1–100, default 50). */
                limit?: number;
                /** @description The `nextCursor` of the previous page; omitted for the first page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of deliveries. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The deliveries of this page. */
                        items: {
                            /** @description Attempts made so far. */
                            attemptCount: number;
                            /** @description The batch the event is about (or the task belongs to), if any. */
                            batchId: string | null;
                            /**
                             * Format: date-time
                             * @description When the event happened and the delivery was queued.
                             */
                            createdAt: string;
                            /** @description When the receiver accepted it. */
                            deliveredAt: string | null;
                            /** @description What happened: `task.completed`, `task.error` or `batch.completed`. */
                            event: string;
                            /** @description Delivery id, sent as `x-groundwork-delivery`. */
                            id: string;
                            /** @description Whether the delivery belongs to the test environment. */
                            isTest: boolean;
                            /** @description When the latest attempt started. */
                            lastAttemptAt: string | null;
                            /** @description Why the latest attempt failed, if it did. */
                            lastError: string | null;
                            /** @description HTTP status of the latest answer; `null` if none came. */
                            lastStatusCode: number | null;
                            /** @description When the next attempt is due, while pending. */
                            nextAttemptAt: string | null;
                            /**
                             * @description `pending` until the receiver answers 2xx (`succeeded`) or every attempt failed (`failed`).
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed";
                            /** @description The task the event is about, if any. */
                            taskId: string | null;
                            /** @description Where the webhook is POSTed. */
                            url: string;
                        }[];
                        /** @description Cursor of the next page; `null` on the last page. */
                        nextCursor: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A webhook delivery with its body and attempts. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Attempts made so far. */
                        attemptCount: number;
                        /** @description Every attempt, oldest first. */
                        attempts: {
                            /** @description Attempt number, from 1. */
                            attempt: number;
                            /** @description How long the attempt took, in milliseconds. */
                            durationMs: number;
                            /** @description Why the attempt failed (status, timeout, refused address...). */
                            error: string | null;
                            /**
                             * Format: date-time
                             * @description When the attempt started.
                             */
                            startedAt: string;
                            /** @description HTTP status of the answer; `null` when none came. */
                            statusCode: number | null;
                        }[];
                        /** @description The batch the event is about (or the task belongs to), if any. */
                        batchId: string | null;
                        /**
                         * Format: date-time
                         * @description When the event happened and the delivery was queued.
                         */
                        createdAt: string;
                        /** @description When the receiver accepted it. */
                        deliveredAt: string | null;
                        /** @description What happened: `task.completed`, `task.error` or `batch.completed`. */
                        event: string;
                        /** @description Delivery id, sent as `x-groundwork-delivery`. */
                        id: string;
                        /** @description Whether the delivery belongs to the test environment. */
                        isTest: boolean;
                        /** @description When the latest attempt started. */
                        lastAttemptAt: string | null;
                        /** @description Why the latest attempt failed, if it did. */
                        lastError: string | null;
                        /** @description HTTP status of the latest answer; `null` if none came. */
                        lastStatusCode: number | null;
                        /** @description When the next attempt is due, while pending. */
                        nextAttemptAt: string | null;
                        /** @description The JSON body POSTed to the receiver. */
                        payload: {
                            [key: string]: unknown;
                        };
                        /**
                         * @description `pending` until the receiver answers 2xx (`succeeded`) or every attempt failed (`failed`).
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed";
                        /** @description The task the event is about, if any. */
                        taskId: string | null;
                        /** @description Where the webhook is POSTed. */
                        url: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    resendDelivery: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A webhook delivery. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Attempts made so far. */
                        attemptCount: number;
                        /** @description The batch the event is about (or the task belongs to), if any. */
                        batchId: string | null;
                        /**
                         * Format: date-time
                         * @description When the event happened and the delivery was queued.
                         */
                        createdAt: string;
                        /** @description When the receiver accepted it. */
                        deliveredAt: string | null;
                        /** @description What happened: `task.completed`, `task.error` or `batch.completed`. */
                        event: string;
                        /** @description Delivery id, sent as `x-groundwork-delivery`. */
                        id: string;
                        /** @description Whether the delivery belongs to the test environment. */
                        isTest: boolean;
                        /** @description When the latest attempt started. */
                        lastAttemptAt: string | null;
                        /** @description Why the latest attempt failed, if it did. */
                        lastError: string | null;
                        /** @description HTTP status of the latest answer; `null` if none came. */
                        lastStatusCode: number | null;
                        /** @description When the next attempt is due, while pending. */
                        nextAttemptAt: string | null;
                        /**
                         * @description `pending` until the receiver answers 2xx (`succeeded`) or every attempt failed (`failed`).
                         * @enum {string}
                         */
                        status: "pending" | "succeeded" | "failed";
                        /** @description The task the event is about, if any. */
                        taskId: string | null;
                        /** @description Where the webhook is POSTed. */
                        url: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A dataset export: a file of a project’s tasks in one format, made in the background. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Size of the finished file in bytes; null until completed. */
                        bytes: number | null;
                        /** @description Media type of the finished file; null until completed. */
                        contentType: string | null;
                        /**
                         * Format: date-time
                         * @description When the export was requested.
                         */
                        createdAt: string;
                        /** @description Tasks written so far. */
                        done: number;
                        /** @description Why the export failed, when it did. */
                        error: string | null;
                        /** @description Name the file downloads under (`<project>-<format>-<date>.<ext>`); null until completed. */
                        fileName: string | null;
                        /** @description When it completed, failed or was canceled. */
                        finishedAt: string | null;
                        /**
                         * @description The file format: `jsonl` (JSON Lines), `scale_json` (Scale JSON), `huggingface` (Hugging Face dataset), `coco` (COCO; imageannotation projects), `yolo_detection` (YOLO detection; imageannotation projects), `yolo_segmentation` (YOLO segmentation; imageannotation projects), `voc` (Pascal VOC; imageannotation projects), `sft_chat` (SFT chat; demonstration projects), `dpo` (Preference pairs (DPO); pairwisepreference, ranking projects), `rankings` (Rankings; ranking, pairwisepreference projects).
                         * @enum {string}
                         */
                        format: "jsonl" | "scale_json" | "huggingface" | "coco" | "yolo_detection" | "yolo_segmentation" | "voc" | "sft_chat" | "dpo" | "rankings";
                        /** @description Export id. */
                        id: string;
                        /** @description The tasks an export holds and its format options. */
                        options: {
                            /**
                             * Format: date-time
                             * @description The request time: tasks created (and, for `completed`, completed) after it are left out, so a repeat writes the same file while the data is unchanged.
                             */
                            asOf: string;
                            /** @description Only the tasks of this batch, or null for every batch. */
                            batch: string | null;
                            /** @description Only tasks created at or after this time, or null. */
                            createdAfter: string | null;
                            /** @description Only tasks created at or before this time, or null. */
                            createdBefore: string | null;
                            /** @description JSON Lines and Scale JSON: every annotator’s submitted answer is included too. */
                            includeAnswers: boolean;
                            /**
                             * @description Which tasks by status (`any`: every status; default `completed`).
                             * @enum {string}
                             */
                            status: "completed" | "pending" | "canceled" | "error" | "any";
                            /** @description Only tasks carrying any of these tags (empty: every task). */
                            tags: string[];
                        };
                        /** @description The project params version the export was made under (its labels and categories). */
                        paramsVersion: number;
                        /** @description Name of the exported project. */
                        project: string;
                        /** @description When its current run started; null while queued. */
                        startedAt: string | null;
                        /**
                         * @description `queued` until a worker starts it, `running` while it writes, then `completed` (downloadable), `failed` (see `error`) or `canceled`.
                         * @enum {string}
                         */
                        status: "queued" | "running" | "completed" | "failed" | "canceled";
                        /** @description Tasks to write, counted when the run starts; null before. */
                        total: number | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    cancelExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A dataset export: a file of a project’s tasks in one format, made in the background. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Size of the finished file in bytes; null until completed. */
                        bytes: number | null;
                        /** @description Media type of the finished file; null until completed. */
                        contentType: string | null;
                        /**
                         * Format: date-time
                         * @description When the export was requested.
                         */
                        createdAt: string;
                        /** @description Tasks written so far. */
                        done: number;
                        /** @description Why the export failed, when it did. */
                        error: string | null;
                        /** @description Name the file downloads under (`<project>-<format>-<date>.<ext>`); null until completed. */
                        fileName: string | null;
                        /** @description When it completed, failed or was canceled. */
                        finishedAt: string | null;
                        /**
                         * @description The file format: `jsonl` (JSON Lines), `scale_json` (Scale JSON), `huggingface` (Hugging Face dataset), `coco` (COCO; imageannotation projects), `yolo_detection` (YOLO detection; imageannotation projects), `yolo_segmentation` (YOLO segmentation; imageannotation projects), `voc` (Pascal VOC; imageannotation projects), `sft_chat` (SFT chat; demonstration projects), `dpo` (Preference pairs (DPO); pairwisepreference, ranking projects), `rankings` (Rankings; ranking, pairwisepreference projects).
                         * @enum {string}
                         */
                        format: "jsonl" | "scale_json" | "huggingface" | "coco" | "yolo_detection" | "yolo_segmentation" | "voc" | "sft_chat" | "dpo" | "rankings";
                        /** @description Export id. */
                        id: string;
                        /** @description The tasks an export holds and its format options. */
                        options: {
                            /**
                             * Format: date-time
                             * @description The request time: tasks created (and, for `completed`, completed) after it are left out, so a repeat writes the same file while the data is unchanged.
                             */
                            asOf: string;
                            /** @description Only the tasks of this batch, or null for every batch. */
                            batch: string | null;
                            /** @description Only tasks created at or after this time, or null. */
                            createdAfter: string | null;
                            /** @description Only tasks created at or before this time, or null. */
                            createdBefore: string | null;
                            /** @description JSON Lines and Scale JSON: every annotator’s submitted answer is included too. */
                            includeAnswers: boolean;
                            /**
                             * @description Which tasks by status (`any`: every status; default `completed`).
                             * @enum {string}
                             */
                            status: "completed" | "pending" | "canceled" | "error" | "any";
                            /** @description Only tasks carrying any of these tags (empty: every task). */
                            tags: string[];
                        };
                        /** @description The project params version the export was made under (its labels and categories). */
                        paramsVersion: number;
                        /** @description Name of the exported project. */
                        project: string;
                        /** @description When its current run started; null while queued. */
                        startedAt: string | null;
                        /**
                         * @description `queued` until a worker starts it, `running` while it writes, then `completed` (downloadable), `failed` (see `error`) or `canceled`.
                         * @enum {string}
                         */
                        status: "queued" | "running" | "completed" | "failed" | "canceled";
                        /** @description Tasks to write, counted when the run starts; null before. */
                        total: number | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    downloadExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The export file (JSON, JSON Lines or zip, per the format). */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    repeatExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A dataset export: a file of a project’s tasks in one format, made in the background. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Size of the finished file in bytes; null until completed. */
                        bytes: number | null;
                        /** @description Media type of the finished file; null until completed. */
                        contentType: string | null;
                        /**
                         * Format: date-time
                         * @description When the export was requested.
                         */
                        createdAt: string;
                        /** @description Tasks written so far. */
                        done: number;
                        /** @description Why the export failed, when it did. */
                        error: string | null;
                        /** @description Name the file downloads under (`<project>-<format>-<date>.<ext>`); null until completed. */
                        fileName: string | null;
                        /** @description When it completed, failed or was canceled. */
                        finishedAt: string | null;
                        /**
                         * @description The file format: `jsonl` (JSON Lines), `scale_json` (Scale JSON), `huggingface` (Hugging Face dataset), `coco` (COCO; imageannotation projects), `yolo_detection` (YOLO detection; imageannotation projects), `yolo_segmentation` (YOLO segmentation; imageannotation projects), `voc` (Pascal VOC; imageannotation projects), `sft_chat` (SFT chat; demonstration projects), `dpo` (Preference pairs (DPO); pairwisepreference, ranking projects), `rankings` (Rankings; ranking, pairwisepreference projects).
                         * @enum {string}
                         */
                        format: "jsonl" | "scale_json" | "huggingface" | "coco" | "yolo_detection" | "yolo_segmentation" | "voc" | "sft_chat" | "dpo" | "rankings";
                        /** @description Export id. */
                        id: string;
                        /** @description The tasks an export holds and its format options. */
                        options: {
                            /**
                             * Format: date-time
                             * @description The request time: tasks created (and, for `completed`, completed) after it are left out, so a repeat writes the same file while the data is unchanged.
                             */
                            asOf: string;
                            /** @description Only the tasks of this batch, or null for every batch. */
                            batch: string | null;
                            /** @description Only tasks created at or after this time, or null. */
                            createdAfter: string | null;
                            /** @description Only tasks created at or before this time, or null. */
                            createdBefore: string | null;
                            /** @description JSON Lines and Scale JSON: every annotator’s submitted answer is included too. */
                            includeAnswers: boolean;
                            /**
                             * @description Which tasks by status (`any`: every status; default `completed`).
                             * @enum {string}
                             */
                            status: "completed" | "pending" | "canceled" | "error" | "any";
                            /** @description Only tasks carrying any of these tags (empty: every task). */
                            tags: string[];
                        };
                        /** @description The project params version the export was made under (its labels and categories). */
                        paramsVersion: number;
                        /** @description Name of the exported project. */
                        project: string;
                        /** @description When its current run started; null while queued. */
                        startedAt: string | null;
                        /**
                         * @description `queued` until a worker starts it, `running` while it writes, then `completed` (downloadable), `failed` (see `error`) or `canceled`.
                         * @enum {string}
                         */
                        status: "queued" | "running" | "completed" | "failed" | "canceled";
                        /** @description Tasks to write, counted when the run starts; null before. */
                        total: number | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    uploadFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A multipart form: text fields first, then the `file` part. */
        requestBody: {
            content: {
                "multipart/form-data": {
                    /** @description Name shown for the file (default: the file name). */
                    display_name?: string;
                    /**
                     * Format: binary
                     * @description The file (send it after the text fields).
                     */
                    file: string;
                    /** @description Free-form metadata as a JSON object. */
                    metadata?: string;
                    /** @description Name of the project the file belongs to. */
                    project_name?: string;
                    /** @description Your unique reference of the file. */
                    reference_id?: string;
                };
            };
        };
        responses: {
            /** @description A stored file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Reference to use as a task attachment (`groundwork://files/<id>`). */
                        attachmentUrl: string;
                        /** @description Path of the file content under this server (`/api/files/<id>/content`). */
                        contentUrl: string;
                        /**
                         * Format: date-time
                         * @description When the file was stored.
                         */
                        createdAt: string;
                        /** @description Name shown for the file (defaults to the uploaded file name). */
                        displayName: string | null;
                        /** @description File id. */
                        id: string;
                        /** @description Whether the file belongs to the test environment. */
                        isTest: boolean;
                        /** @description Free-form metadata of the file. */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Content type of the file. */
                        mimeType: string;
                        /** @description Name of the project the file belongs to, if any. */
                        project: string | null;
                        /** @description Caller-chosen unique reference of the file, if any. */
                        referenceId: string | null;
                        /** @description SHA-256 of the content, hex. */
                        sha256: string;
                        /** @description Size in bytes. */
                        size: number;
                        /** @description The URL the file was imported from, if it was imported. */
                        sourceUrl: string | null;
                        /**
                         * Format: date-time
                         * @description When the file last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    importFile: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A file to download and store. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Name shown for the file. */
                    displayName?: string;
                    /** @description Free-form metadata. */
                    metadata?: {
                        [key: string]: unknown;
                    };
                    /** @description Name of the project the file belongs to. */
                    projectName?: string;
                    /** @description Your unique reference of the file. */
                    referenceId?: string;
                    /**
                     * Format: uri
                     * @description The http(s) URL to download the file from (public addresses only).
                     */
                    url: string;
                };
            };
        };
        responses: {
            /** @description A stored file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Reference to use as a task attachment (`groundwork://files/<id>`). */
                        attachmentUrl: string;
                        /** @description Path of the file content under this server (`/api/files/<id>/content`). */
                        contentUrl: string;
                        /**
                         * Format: date-time
                         * @description When the file was stored.
                         */
                        createdAt: string;
                        /** @description Name shown for the file (defaults to the uploaded file name). */
                        displayName: string | null;
                        /** @description File id. */
                        id: string;
                        /** @description Whether the file belongs to the test environment. */
                        isTest: boolean;
                        /** @description Free-form metadata of the file. */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Content type of the file. */
                        mimeType: string;
                        /** @description Name of the project the file belongs to, if any. */
                        project: string | null;
                        /** @description Caller-chosen unique reference of the file, if any. */
                        referenceId: string | null;
                        /** @description SHA-256 of the content, hex. */
                        sha256: string;
                        /** @description Size in bytes. */
                        size: number;
                        /** @description The URL the file was imported from, if it was imported. */
                        sourceUrl: string | null;
                        /**
                         * Format: date-time
                         * @description When the file last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A stored file. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Reference to use as a task attachment (`groundwork://files/<id>`). */
                        attachmentUrl: string;
                        /** @description Path of the file content under this server (`/api/files/<id>/content`). */
                        contentUrl: string;
                        /**
                         * Format: date-time
                         * @description When the file was stored.
                         */
                        createdAt: string;
                        /** @description Name shown for the file (defaults to the uploaded file name). */
                        displayName: string | null;
                        /** @description File id. */
                        id: string;
                        /** @description Whether the file belongs to the test environment. */
                        isTest: boolean;
                        /** @description Free-form metadata of the file. */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description Content type of the file. */
                        mimeType: string;
                        /** @description Name of the project the file belongs to, if any. */
                        project: string | null;
                        /** @description Caller-chosen unique reference of the file, if any. */
                        referenceId: string | null;
                        /** @description SHA-256 of the content, hex. */
                        sha256: string;
                        /** @description Size in bytes. */
                        size: number;
                        /** @description The URL the file was imported from, if it was imported. */
                        sourceUrl: string | null;
                        /**
                         * Format: date-time
                         * @description When the file last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getFileContent: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file content. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getGoldTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A gold task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Answers given to it (in lists). */
                        answers?: number;
                        /** @description Archived gold is no longer served; its answers stay. */
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                        /** @description The known answer that answers are scored against. */
                        expectedResponse: unknown;
                        /** @description Gold task id. */
                        id: string;
                        /** @description An initial answer for review-phase evaluation, or null. */
                        initialResponse: unknown;
                        /**
                         * @description `evaluation`: mixed hidden into the queue at the project’s gold rate; `training`: shown to new annotators before real work.
                         * @enum {string}
                         */
                        kind: "evaluation" | "training";
                        /** @description Their mean score, 0..1 (in lists). */
                        meanScore?: number | null;
                        /** @description The task’s params, as annotators see them. */
                        params: {
                            [key: string]: unknown;
                        };
                        /** @description Project name. */
                        project: string;
                        /** @description Task type. */
                        type: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    updateGoldTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The change. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description `true` archives, `false` restores. */
                    archived: boolean;
                };
            };
        };
        responses: {
            /** @description A gold task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Answers given to it (in lists). */
                        answers?: number;
                        /** @description Archived gold is no longer served; its answers stay. */
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                        /** @description The known answer that answers are scored against. */
                        expectedResponse: unknown;
                        /** @description Gold task id. */
                        id: string;
                        /** @description An initial answer for review-phase evaluation, or null. */
                        initialResponse: unknown;
                        /**
                         * @description `evaluation`: mixed hidden into the queue at the project’s gold rate; `training`: shown to new annotators before real work.
                         * @enum {string}
                         */
                        kind: "evaluation" | "training";
                        /** @description Their mean score, 0..1 (in lists). */
                        meanScore?: number | null;
                        /** @description The task’s params, as annotators see them. */
                        params: {
                            [key: string]: unknown;
                        };
                        /** @description Project name. */
                        project: string;
                        /** @description Task type. */
                        type: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listInvitations: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of invitations. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The invitations. */
                        items: {
                            /** @description When it was accepted. */
                            acceptedAt: string | null;
                            /** @description User id of who accepted it. */
                            acceptedBy: string | null;
                            /**
                             * Format: date-time
                             * @description When the invitation was created.
                             */
                            createdAt: string;
                            /** @description Email address invited. */
                            email: string;
                            /**
                             * Format: date-time
                             * @description When the link stops working.
                             */
                            expiresAt: string;
                            /** @description Invitation id. */
                            id: string;
                            /** @description User id of who invited (null for an API key). */
                            invitedBy: string | null;
                            /** @description When it was revoked. */
                            revokedAt: string | null;
                            /**
                             * @description Role the invited person gets.
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                            /**
                             * @description `pending` until accepted, revoked or expired.
                             * @enum {string}
                             */
                            status: "pending" | "accepted" | "revoked" | "expired";
                            /** @description Workforce the invited person joins, if any. */
                            workforceId: string | null;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    createInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A new invitation. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Email address of the person to invite. */
                    email: string;
                    /**
                     * @description Role they get: managers may invite annotators, reviewers and viewers; admins any role but owner.
                     * @enum {string}
                     */
                    role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                    /** @description Workforce of the organization they join. */
                    workforceId?: string | null;
                };
            };
        };
        responses: {
            /** @description A new invitation with its link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When it was accepted. */
                        acceptedAt: string | null;
                        /** @description User id of who accepted it. */
                        acceptedBy: string | null;
                        /**
                         * Format: date-time
                         * @description When the invitation was created.
                         */
                        createdAt: string;
                        /** @description Email address invited. */
                        email: string;
                        /**
                         * Format: date-time
                         * @description When the link stops working.
                         */
                        expiresAt: string;
                        /** @description Invitation id. */
                        id: string;
                        /** @description User id of who invited (null for an API key). */
                        invitedBy: string | null;
                        /** @description When it was revoked. */
                        revokedAt: string | null;
                        /**
                         * @description Role the invited person gets.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                        /**
                         * @description `pending` until accepted, revoked or expired.
                         * @enum {string}
                         */
                        status: "pending" | "accepted" | "revoked" | "expired";
                        /** @description The secret of the link. It is shown only in this response. */
                        token: string;
                        /** @description The link to send to the person. */
                        url: string;
                        /** @description Workforce the invited person joins, if any. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    acceptInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description Acceptance of an invitation. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Display name (required for a new account). */
                    name?: string;
                    /** @description A new password (at least 10 characters), or the password of the existing account of the invited email. */
                    password: string;
                    /** @description The token of the link. */
                    token: string;
                };
            };
        };
        responses: {
            /** @description A logged-in session. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Send this value in the `x-csrf-token` header of every request that changes something. */
                        csrfToken: string;
                        /**
                         * Format: date-time
                         * @description When the session ends at the latest (it also ends after 12 hours of inactivity).
                         */
                        expiresAt: string;
                        /** @description The organization the session acts in. */
                        org: {
                            /** @description Organization id. */
                            id: string;
                            /** @description Display name of the organization. */
                            name: string;
                            /** @description URL-safe unique name of the organization. */
                            slug: string;
                        };
                        /**
                         * @description The person's role in the organization.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                        /** @description The logged-in person. */
                        user: {
                            /** @description Email address the person logs in with. */
                            email: string;
                            /** @description User id. */
                            id: string;
                            /** @description Display name. */
                            name: string;
                        };
                        /** @description The person's workforce in the organization, if any. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    previewInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The token of the link. */
                token: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An open invitation link. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Email address invited; accepting logs in (or creates) this account. */
                        email: string;
                        /**
                         * Format: date-time
                         * @description When the link stops working.
                         */
                        expiresAt: string;
                        /** @description Name of the organization the link invites to. */
                        orgName: string;
                        /**
                         * @description Role the invited person gets.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    revokeInvitation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An invitation to join the organization. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description When it was accepted. */
                        acceptedAt: string | null;
                        /** @description User id of who accepted it. */
                        acceptedBy: string | null;
                        /**
                         * Format: date-time
                         * @description When the invitation was created.
                         */
                        createdAt: string;
                        /** @description Email address invited. */
                        email: string;
                        /**
                         * Format: date-time
                         * @description When the link stops working.
                         */
                        expiresAt: string;
                        /** @description Invitation id. */
                        id: string;
                        /** @description User id of who invited (null for an API key). */
                        invitedBy: string | null;
                        /** @description When it was revoked. */
                        revokedAt: string | null;
                        /**
                         * @description Role the invited person gets.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                        /**
                         * @description `pending` until accepted, revoked or expired.
                         * @enum {string}
                         */
                        status: "pending" | "accepted" | "revoked" | "expired";
                        /** @description Workforce the invited person joins, if any. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listMembers: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of members. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The members. */
                        items: {
                            /**
                             * Format: date-time
                             * @description When the person became a member.
                             */
                            createdAt: string;
                            /** @description A disabled member cannot log in or take work. */
                            disabled: boolean;
                            /** @description Email address of the member. */
                            email: string;
                            /** @description Display name of the member. */
                            name: string;
                            /**
                             * @description Role of the member in the organization.
                             * @enum {string}
                             */
                            role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                            /** @description User id of the member. */
                            userId: string;
                            /** @description Workforce the member works for, if any. */
                            workforceId: string | null;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    removeMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id of the member. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A member of the organization. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the person became a member.
                         */
                        createdAt: string;
                        /** @description A disabled member cannot log in or take work. */
                        disabled: boolean;
                        /** @description Email address of the member. */
                        email: string;
                        /** @description Display name of the member. */
                        name: string;
                        /**
                         * @description Role of the member in the organization.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                        /** @description User id of the member. */
                        userId: string;
                        /** @description Workforce the member works for, if any. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    updateMember: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id of the member. */
                userId: string;
            };
            cookie?: never;
        };
        /** @description A change of a membership. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Disable (true) or re-enable (false) the member; disabling ends their sessions. */
                    disabled?: boolean;
                    /**
                     * @description The new role (only an owner may grant or take `owner`).
                     * @enum {string}
                     */
                    role?: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                };
            };
        };
        responses: {
            /** @description A member of the organization. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the person became a member.
                         */
                        createdAt: string;
                        /** @description A disabled member cannot log in or take work. */
                        disabled: boolean;
                        /** @description Email address of the member. */
                        email: string;
                        /** @description Display name of the member. */
                        name: string;
                        /**
                         * @description Role of the member in the organization.
                         * @enum {string}
                         */
                        role: "owner" | "admin" | "manager" | "reviewer" | "annotator" | "viewer";
                        /** @description User id of the member. */
                        userId: string;
                        /** @description Workforce the member works for, if any. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    endMemberSessions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description User id of the member. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sessions ended. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many sessions were ended. */
                        ended: number;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listMemberSkills: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The member's user id. */
                userId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A member's skills. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The skills, by name. */
                        items: {
                            /** @description Whether it counts now (not expired); only active skills satisfy routing. */
                            active: boolean;
                            /** @description When it expires (null: never). */
                            expiresAt: string | null;
                            /**
                             * Format: date-time
                             * @description When it was granted or earned.
                             */
                            grantedAt: string;
                            /** @description Who granted it (null for qualifications). */
                            grantedBy: {
                                /** @description The user id or the API key id. */
                                id: string;
                                /**
                                 * @description A person or an API key.
                                 * @enum {string}
                                 */
                                type: "user" | "api_key";
                            } | null;
                            /** @description The skill, a lowercase slug (e.g. `medicine`, `lidar`). */
                            skill: string;
                            /**
                             * @description `granted` by a manager, or `qualification`: earned by passing a qualification test.
                             * @enum {string}
                             */
                            source: "granted" | "qualification";
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    grantMemberSkill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The member's user id. */
                userId: string;
                /** @description The skill, a lowercase slug (a-z, 0-9, `_` `.` `-`; e.g. `medicine`, `lidar`). */
                skill: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    /** @description When the skill expires (ISO 8601, in the future); omitted or null: never. */
                    expiresAt?: string | null;
                } | null;
            };
        };
        responses: {
            /** @description A skill or qualification of a member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether it counts now (not expired); only active skills satisfy routing. */
                        active: boolean;
                        /** @description When it expires (null: never). */
                        expiresAt: string | null;
                        /**
                         * Format: date-time
                         * @description When it was granted or earned.
                         */
                        grantedAt: string;
                        /** @description Who granted it (null for qualifications). */
                        grantedBy: {
                            /** @description The user id or the API key id. */
                            id: string;
                            /**
                             * @description A person or an API key.
                             * @enum {string}
                             */
                            type: "user" | "api_key";
                        } | null;
                        /** @description The skill, a lowercase slug (e.g. `medicine`, `lidar`). */
                        skill: string;
                        /**
                         * @description `granted` by a manager, or `qualification`: earned by passing a qualification test.
                         * @enum {string}
                         */
                        source: "granted" | "qualification";
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    revokeMemberSkill: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The member's user id. */
                userId: string;
                /** @description The skill, a lowercase slug (a-z, 0-9, `_` `.` `-`; e.g. `medicine`, `lidar`). */
                skill: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A skill or qualification of a member. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether it counts now (not expired); only active skills satisfy routing. */
                        active: boolean;
                        /** @description When it expires (null: never). */
                        expiresAt: string | null;
                        /**
                         * Format: date-time
                         * @description When it was granted or earned.
                         */
                        grantedAt: string;
                        /** @description Who granted it (null for qualifications). */
                        grantedBy: {
                            /** @description The user id or the API key id. */
                            id: string;
                            /**
                             * @description A person or an API key.
                             * @enum {string}
                             */
                            type: "user" | "api_key";
                        } | null;
                        /** @description The skill, a lowercase slug (e.g. `medicine`, `lidar`). */
                        skill: string;
                        /**
                         * @description `granted` by a manager, or `qualification`: earned by passing a qualification test.
                         * @enum {string}
                         */
                        source: "granted" | "qualification";
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    setMemberWorkforce: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The member's user id. */
                userId: string;
            };
            cookie?: never;
        };
        /** @description A member's workforce. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The workforce's id (an active workforce of the organization), or null for none. */
                    workforceId: string | null;
                };
            };
        };
        responses: {
            /** @description A member's workforce. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The user id. */
                        userId: string;
                        /** @description The workforce the member works for (null: none). */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getOrg: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization of the caller. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description When the organization was created.
                         */
                        createdAt: string;
                        /**
                         * @description The environment the caller acts in (test keys see only test data).
                         * @enum {string}
                         */
                        environment: "live" | "test";
                        /** @description Organization id. */
                        id: string;
                        /** @description Display name. */
                        name: string;
                        /** @description The caller's role in the organization (API keys act as `admin`). */
                        role: string;
                        /** @description URL-safe unique name of the organization. */
                        slug: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getSsoSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Single sign-on settings. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The configuration, or null when SSO is not set up. */
                        config: {
                            /** @description Email domains allowed to sign in; empty: every domain the provider vouches for. */
                            allowedDomains: string[];
                            /** @description Client id registered at the provider. */
                            clientId: string;
                            /** @description The last characters of the client secret (`…x9Qa`); the secret itself is never returned. */
                            clientSecretHint: string;
                            /** @description Whether SSO sign-in is on. */
                            enabled: boolean;
                            /** @description Issuer URL of the OpenID provider. */
                            issuer: string;
                            /** @description Whether unknown people get an account and membership on first sign-in. */
                            jitProvisioning: boolean;
                            /**
                             * @description The role of people provisioned just in time.
                             * @enum {string}
                             */
                            jitRole: "manager" | "reviewer" | "annotator" | "viewer";
                            /** @description Whether members other than owners and admins must sign in with SSO (passwords refused). */
                            requireSso: boolean;
                            /**
                             * Format: date-time
                             * @description When the configuration was last saved.
                             */
                            updatedAt: string;
                        } | null;
                        /** @description The redirect URI to register at the provider (the callback under the public URL). */
                        redirectUri: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    saveSsoSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A single sign-on configuration. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Email domains allowed to sign in; empty: every domain the provider vouches for.
                     * @default []
                     */
                    allowedDomains?: string[];
                    /** @description Client id registered at the provider. */
                    clientId: string;
                    /** @description Client secret from the provider. Required the first time; leave it out to keep the stored one. */
                    clientSecret?: string;
                    /**
                     * @description Whether SSO sign-in is on.
                     * @default true
                     */
                    enabled?: boolean;
                    /** @description Issuer URL of the OpenID provider, e.g. `https://accounts.google.com` (https; plain http only on a loopback address). */
                    issuer: string;
                    /**
                     * @description Create the account and membership of an unknown person on first sign-in.
                     * @default false
                     */
                    jitProvisioning?: boolean;
                    /**
                     * @description Role of people provisioned just in time (never owner or admin). Default `annotator`.
                     * @default annotator
                     * @enum {string}
                     */
                    jitRole?: "manager" | "reviewer" | "annotator" | "viewer";
                    /**
                     * @description Refuse password sign-in of members other than owners and admins.
                     * @default false
                     */
                    requireSso?: boolean;
                };
            };
        };
        responses: {
            /** @description The saved single sign-on configuration. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The stored configuration. */
                        config: {
                            /** @description Email domains allowed to sign in; empty: every domain the provider vouches for. */
                            allowedDomains: string[];
                            /** @description Client id registered at the provider. */
                            clientId: string;
                            /** @description The last characters of the client secret (`…x9Qa`); the secret itself is never returned. */
                            clientSecretHint: string;
                            /** @description Whether SSO sign-in is on. */
                            enabled: boolean;
                            /** @description Issuer URL of the OpenID provider. */
                            issuer: string;
                            /** @description Whether unknown people get an account and membership on first sign-in. */
                            jitProvisioning: boolean;
                            /**
                             * @description The role of people provisioned just in time.
                             * @enum {string}
                             */
                            jitRole: "manager" | "reviewer" | "annotator" | "viewer";
                            /** @description Whether members other than owners and admins must sign in with SSO (passwords refused). */
                            requireSso: boolean;
                            /**
                             * Format: date-time
                             * @description When the configuration was last saved.
                             */
                            updatedAt: string;
                        };
                        /** @description The provider's OpenID Connect discovery document, in short. */
                        discovery: {
                            /** @description Where people are sent to sign in. */
                            authorizationEndpoint: string;
                            /** @description The issuer the provider names itself with (checked against the one given). */
                            issuer: string;
                            /** @description The provider's signing keys. */
                            jwksUri: string | null;
                            /** @description Where the server exchanges the code for tokens. */
                            tokenEndpoint: string;
                            /**
                             * @description How the server authenticates at the token endpoint.
                             * @enum {string}
                             */
                            tokenEndpointAuthMethod: "client_secret_basic" | "client_secret_post";
                            /** @description Where the server may read the email, if the provider has one. */
                            userinfoEndpoint: string | null;
                        };
                        /** @description The redirect URI to register at the provider (the callback under the public URL). */
                        redirectUri: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    deleteSsoSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Removed. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /**
                         * @description Always true.
                         * @enum {boolean}
                         */
                        ok: true;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    testSsoSettings: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description What to test. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Issuer URL to try; the stored one when left out. */
                    issuer?: string;
                };
            };
        };
        responses: {
            /** @description The provider's OpenID Connect discovery document, in short. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Where people are sent to sign in. */
                        authorizationEndpoint: string;
                        /** @description The issuer the provider names itself with (checked against the one given). */
                        issuer: string;
                        /** @description The provider's signing keys. */
                        jwksUri: string | null;
                        /** @description Where the server exchanges the code for tokens. */
                        tokenEndpoint: string;
                        /**
                         * @description How the server authenticates at the token endpoint.
                         * @enum {string}
                         */
                        tokenEndpointAuthMethod: "client_secret_basic" | "client_secret_post";
                        /** @description Where the server may read the email, if the provider has one. */
                        userinfoEndpoint: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getWebhookSecrets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's webhook secrets, shown in clear once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Sent verbatim in the `scale-callback-auth` header of every webhook; compare it as is. Masked (`cba_…` and its last four characters) unless `revealed`. */
                        callbackAuthKey: string;
                        /** @description True only in the answer that created or rotated the secrets — the one time they are shown in clear; store them then. */
                        revealed: boolean;
                        /** @description Key of the `x-groundwork-signature` HMAC-SHA256 (its UTF-8 bytes); see the webhook documentation. Masked (`whsec_…` and its last four characters) unless `revealed`. */
                        signingSecret: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    rotateWebhookSecrets: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The organization's webhook secrets, shown in clear once. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Sent verbatim in the `scale-callback-auth` header of every webhook; compare it as is. Masked (`cba_…` and its last four characters) unless `revealed`. */
                        callbackAuthKey: string;
                        /** @description True only in the answer that created or rotated the secrets — the one time they are shown in clear; store them then. */
                        revealed: boolean;
                        /** @description Key of the `x-groundwork-signature` HMAC-SHA256 (its UTF-8 bytes); see the webhook documentation. Masked (`whsec_…` and its last four characters) unless `revealed`. */
                        signingSecret: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listProjectProgress: {
        parameters: {
            query?: {
                /** @description Only archived (`true`) or only active (`false`) projects; both when omitted. */
                archived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Projects with their progress. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The projects, oldest first. */
                        items: {
                            /** @description Whether the project is archived. */
                            archived: boolean;
                            /**
                             * Format: date-time
                             * @description When the project was created.
                             */
                            createdAt: string;
                            /** @description When its latest task was completed; null before the first. */
                            lastCompletedAt: string | null;
                            /** @description Project name; used in paths. */
                            name: string;
                            /** @description Its tasks by status (pending split into labeling and review). */
                            tasks: {
                                /** @description Canceled tasks. */
                                canceled: number;
                                /** @description Completed tasks. */
                                completed: number;
                                /** @description Tasks that failed. */
                                error: number;
                                /** @description Pending tasks waiting for a reviewer. */
                                inReview: number;
                                /** @description Pending tasks in labeling (or not started). */
                                labeling: number;
                                /** @description Every task of the project. */
                                total: number;
                            };
                            /** @description Task type. */
                            type: string;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listProjects: {
        parameters: {
            query?: {
                /** @description Only archived (`true`) or only active (`false`) projects; both when omitted. */
                archived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of projects. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The projects. */
                        items: {
                            /** @description Whether the project is archived. */
                            archived: boolean;
                            /**
                             * Format: date-time
                             * @description When the project was created.
                             */
                            createdAt: string;
                            /** @description Project id. */
                            id: string;
                            /** @description Current markdown instruction appended to every task. */
                            instruction: string | null;
                            /** @description Whether the project belongs to the test environment. */
                            isTest: boolean;
                            /** @description Unique name of the project in its environment; used in paths. */
                            name: string;
                            /** @description Current default params merged into every task of the project. */
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description Queue priority of the project, -100..100; higher is served first. */
                            priority: number;
                            /** @description Quality policy: hidden gold rate, pause threshold, training gate, weighted consensus (defaults applied). */
                            quality: {
                                /**
                                 * @description How many evaluation answers a person gives before the pause rule judges them (default 5).
                                 * @default 5
                                 */
                                gold_min_answers: number;
                                /**
                                 * @description Share of labeling leases that are hidden evaluation tasks, 0–0.5 (default 0.05); gold is served only while real work waits, so it looks like any other task.
                                 * @default 0.05
                                 */
                                gold_rate: number;
                                /**
                                 * @description Pause an annotator when their mean gold score over the last `gold_window` evaluation answers is below this (0..1), after `gold_min_answers`; null: never.
                                 * @default null
                                 */
                                gold_threshold: number | null;
                                /**
                                 * @description How many recent evaluation answers the pause rule averages (default 20).
                                 * @default 20
                                 */
                                gold_window: number;
                                /**
                                 * @description The score (0..1) a training answer needs to count as passed (default 0.8).
                                 * @default 0.8
                                 */
                                training_pass_score: number;
                                /**
                                 * @description Training tasks to pass before real work (0–100; default 0: no gate). With fewer training tasks than this, all of them.
                                 * @default 0
                                 */
                                training_required: number;
                                /**
                                 * @description Weigh answers in consensus by each annotator's measured reliability (gold accuracy, else agreement with consensus); default true.
                                 * @default true
                                 */
                                weighted_consensus: boolean;
                            };
                            /** @description Who may work the project: workforces (with optional shares) and required skills. */
                            routing: {
                                /**
                                 * @description Skills an annotator must hold (all of them) to take the work; lowercase slugs.
                                 * @default []
                                 */
                                skills: string[];
                                /**
                                 * @description The workforces allowed on the project; empty: every workforce of the organization.
                                 * @default []
                                 */
                                workforces: {
                                    /** @description The workforce's id. */
                                    id: string;
                                    /** @description Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3). */
                                    share?: number;
                                }[];
                            };
                            /** @description Task type of the project, e.g. `categorization`. */
                            type: string;
                            /**
                             * Format: date-time
                             * @description When the project last changed.
                             */
                            updatedAt: string;
                            /** @description Current param version. */
                            version: number;
                            /** @description How a task becomes human work: overlap, review stage, lease duration (defaults applied). */
                            workflow: {
                                /**
                                 * @description How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).
                                 * @default 1800
                                 */
                                lease_seconds: number;
                                /**
                                 * @description How many different annotators label each task (1–10).
                                 * @default 1
                                 */
                                overlap: number;
                                /**
                                 * @description The review stage (default: none).
                                 * @default {
                                 *       "mode": "none"
                                 *     }
                                 */
                                review: {
                                    /** @description For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
                                    agreement_threshold?: number;
                                    /**
                                     * @description When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).
                                     * @default none
                                     * @enum {string}
                                     */
                                    mode: "none" | "all" | "sample" | "below_agreement";
                                    /** @description For `sample`: the share of tasks reviewed, 0..1. */
                                    sample_rate?: number;
                                };
                            };
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    createProject: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A new project. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Markdown instruction appended to every task of the project. */
                    instruction?: string | null;
                    /** @description Unique name of the project in its environment. */
                    name: string;
                    /** @description Default params merged into every task; validated against the task type. */
                    params?: {
                        [key: string]: unknown;
                    };
                    /** @description Queue priority, -100..100 (default 0); higher is served first. */
                    priority?: number;
                    /** @description Which workforces (with optional shares) and skills may work it (everyone when omitted). */
                    routing?: {
                        /**
                         * @description Skills an annotator must hold (all of them) to take the work; lowercase slugs.
                         * @default []
                         */
                        skills?: string[];
                        /**
                         * @description The workforces allowed on the project; empty: every workforce of the organization.
                         * @default []
                         */
                        workforces?: {
                            /** @description The workforce's id. */
                            id: string;
                            /** @description Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3). */
                            share?: number;
                        }[];
                    };
                    /** @description Task type of the tasks of the project, e.g. `categorization`. */
                    type: string;
                    /** @description How tasks become human work: overlap, review stage, lease (defaults when omitted). */
                    workflow?: {
                        /**
                         * @description How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).
                         * @default 1800
                         */
                        lease_seconds?: number;
                        /**
                         * @description How many different annotators label each task (1–10).
                         * @default 1
                         */
                        overlap?: number;
                        /**
                         * @description The review stage (default: none).
                         * @default {
                         *       "mode": "none"
                         *     }
                         */
                        review?: {
                            /** @description For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
                            agreement_threshold?: number;
                            /**
                             * @description When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).
                             * @default none
                             * @enum {string}
                             */
                            mode?: "none" | "all" | "sample" | "below_agreement";
                            /** @description For `sample`: the share of tasks reviewed, 0..1. */
                            sample_rate?: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description A project: a task type with default params and instructions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the project is archived. */
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description When the project was created.
                         */
                        createdAt: string;
                        /** @description Project id. */
                        id: string;
                        /** @description Current markdown instruction appended to every task. */
                        instruction: string | null;
                        /** @description Whether the project belongs to the test environment. */
                        isTest: boolean;
                        /** @description Unique name of the project in its environment; used in paths. */
                        name: string;
                        /** @description Current default params merged into every task of the project. */
                        params: {
                            [key: string]: unknown;
                        };
                        /** @description Queue priority of the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Quality policy: hidden gold rate, pause threshold, training gate, weighted consensus (defaults applied). */
                        quality: {
                            /**
                             * @description How many evaluation answers a person gives before the pause rule judges them (default 5).
                             * @default 5
                             */
                            gold_min_answers: number;
                            /**
                             * @description Share of labeling leases that are hidden evaluation tasks, 0–0.5 (default 0.05); gold is served only while real work waits, so it looks like any other task.
                             * @default 0.05
                             */
                            gold_rate: number;
                            /**
                             * @description Pause an annotator when their mean gold score over the last `gold_window` evaluation answers is below this (0..1), after `gold_min_answers`; null: never.
                             * @default null
                             */
                            gold_threshold: number | null;
                            /**
                             * @description How many recent evaluation answers the pause rule averages (default 20).
                             * @default 20
                             */
                            gold_window: number;
                            /**
                             * @description The score (0..1) a training answer needs to count as passed (default 0.8).
                             * @default 0.8
                             */
                            training_pass_score: number;
                            /**
                             * @description Training tasks to pass before real work (0–100; default 0: no gate). With fewer training tasks than this, all of them.
                             * @default 0
                             */
                            training_required: number;
                            /**
                             * @description Weigh answers in consensus by each annotator's measured reliability (gold accuracy, else agreement with consensus); default true.
                             * @default true
                             */
                            weighted_consensus: boolean;
                        };
                        /** @description Who may work the project: workforces (with optional shares) and required skills. */
                        routing: {
                            /**
                             * @description Skills an annotator must hold (all of them) to take the work; lowercase slugs.
                             * @default []
                             */
                            skills: string[];
                            /**
                             * @description The workforces allowed on the project; empty: every workforce of the organization.
                             * @default []
                             */
                            workforces: {
                                /** @description The workforce's id. */
                                id: string;
                                /** @description Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3). */
                                share?: number;
                            }[];
                        };
                        /** @description Task type of the project, e.g. `categorization`. */
                        type: string;
                        /**
                         * Format: date-time
                         * @description When the project last changed.
                         */
                        updatedAt: string;
                        /** @description Current param version. */
                        version: number;
                        /** @description How a task becomes human work: overlap, review stage, lease duration (defaults applied). */
                        workflow: {
                            /**
                             * @description How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).
                             * @default 1800
                             */
                            lease_seconds: number;
                            /**
                             * @description How many different annotators label each task (1–10).
                             * @default 1
                             */
                            overlap: number;
                            /**
                             * @description The review stage (default: none).
                             * @default {
                             *       "mode": "none"
                             *     }
                             */
                            review: {
                                /** @description For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
                                agreement_threshold?: number;
                                /**
                                 * @description When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).
                                 * @default none
                                 * @enum {string}
                                 */
                                mode: "none" | "all" | "sample" | "below_agreement";
                                /** @description For `sample`: the share of tasks reviewed, 0..1. */
                                sample_rate?: number;
                            };
                        };
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getProject: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A project: a task type with default params and instructions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the project is archived. */
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description When the project was created.
                         */
                        createdAt: string;
                        /** @description Project id. */
                        id: string;
                        /** @description Current markdown instruction appended to every task. */
                        instruction: string | null;
                        /** @description Whether the project belongs to the test environment. */
                        isTest: boolean;
                        /** @description Unique name of the project in its environment; used in paths. */
                        name: string;
                        /** @description Current default params merged into every task of the project. */
                        params: {
                            [key: string]: unknown;
                        };
                        /** @description Queue priority of the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Quality policy: hidden gold rate, pause threshold, training gate, weighted consensus (defaults applied). */
                        quality: {
                            /**
                             * @description How many evaluation answers a person gives before the pause rule judges them (default 5).
                             * @default 5
                             */
                            gold_min_answers: number;
                            /**
                             * @description Share of labeling leases that are hidden evaluation tasks, 0–0.5 (default 0.05); gold is served only while real work waits, so it looks like any other task.
                             * @default 0.05
                             */
                            gold_rate: number;
                            /**
                             * @description Pause an annotator when their mean gold score over the last `gold_window` evaluation answers is below this (0..1), after `gold_min_answers`; null: never.
                             * @default null
                             */
                            gold_threshold: number | null;
                            /**
                             * @description How many recent evaluation answers the pause rule averages (default 20).
                             * @default 20
                             */
                            gold_window: number;
                            /**
                             * @description The score (0..1) a training answer needs to count as passed (default 0.8).
                             * @default 0.8
                             */
                            training_pass_score: number;
                            /**
                             * @description Training tasks to pass before real work (0–100; default 0: no gate). With fewer training tasks than this, all of them.
                             * @default 0
                             */
                            training_required: number;
                            /**
                             * @description Weigh answers in consensus by each annotator's measured reliability (gold accuracy, else agreement with consensus); default true.
                             * @default true
                             */
                            weighted_consensus: boolean;
                        };
                        /** @description Who may work the project: workforces (with optional shares) and required skills. */
                        routing: {
                            /**
                             * @description Skills an annotator must hold (all of them) to take the work; lowercase slugs.
                             * @default []
                             */
                            skills: string[];
                            /**
                             * @description The workforces allowed on the project; empty: every workforce of the organization.
                             * @default []
                             */
                            workforces: {
                                /** @description The workforce's id. */
                                id: string;
                                /** @description Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3). */
                                share?: number;
                            }[];
                        };
                        /** @description Task type of the project, e.g. `categorization`. */
                        type: string;
                        /**
                         * Format: date-time
                         * @description When the project last changed.
                         */
                        updatedAt: string;
                        /** @description Current param version. */
                        version: number;
                        /** @description How a task becomes human work: overlap, review stage, lease duration (defaults applied). */
                        workflow: {
                            /**
                             * @description How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).
                             * @default 1800
                             */
                            lease_seconds: number;
                            /**
                             * @description How many different annotators label each task (1–10).
                             * @default 1
                             */
                            overlap: number;
                            /**
                             * @description The review stage (default: none).
                             * @default {
                             *       "mode": "none"
                             *     }
                             */
                            review: {
                                /** @description For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
                                agreement_threshold?: number;
                                /**
                                 * @description When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).
                                 * @default none
                                 * @enum {string}
                                 */
                                mode: "none" | "all" | "sample" | "below_agreement";
                                /** @description For `sample`: the share of tasks reviewed, 0..1. */
                                sample_rate?: number;
                            };
                        };
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getProjectAgreement: {
        parameters: {
            query?: {
                /** @description Start of the period, inclusive (ISO 8601; default: 30 days before `until`). */
                since?: string;
                /** @description End of the period, exclusive (ISO 8601; default: now). */
                until?: string;
            };
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Inter-annotator agreement of a project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Most labeling answers read. */
                        answerLimit: number;
                        /** @description Labeling answers read. */
                        answers: number;
                        /** @description Krippendorff’s alpha on the categorical value; null when the type has none (see `categoricalReason`). */
                        categorical: {
                            /** @description Answers with a value. */
                            answers: number;
                            /** @description Per workforce: alpha among the answers given for it only. */
                            byGroup: {
                                /** @description Krippendorff’s alpha; null when undefined (see `reason`). */
                                alpha: number | null;
                                /** @description Their answers. */
                                answers: number;
                                /** @description 95 % interval of alpha over task rounds (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Answers in those task rounds. */
                                pairableValues: number;
                                /** @description Why alpha is null, in plain English; null when it is not. */
                                reason: string | null;
                                /** @description Task rounds answered at least twice that alpha is computed from. */
                                units: number;
                                /** @description People who answered for it. */
                                workers: number;
                                /** @description The workforce. */
                                workforce: {
                                    /** @description Workforce id. */
                                    id: string;
                                    /** @description Workforce name. */
                                    name: string;
                                };
                            }[];
                            /** @description Per value, most given first: which values people agree on and which they confuse. */
                            byLabel: {
                                /** @description Krippendorff’s alpha; null when undefined (see `reason`). */
                                alpha: number | null;
                                /** @description Answers giving it. */
                                answers: number;
                                /** @description 95 % interval of alpha over task rounds (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description The value. */
                                label: string;
                                /** @description Answers in those task rounds. */
                                pairableValues: number;
                                /** @description Why alpha is null, in plain English; null when it is not. */
                                reason: string | null;
                                /** @description answers / all answers. */
                                share: number;
                                /** @description Task rounds answered at least twice that alpha is computed from. */
                                units: number;
                            }[];
                            /** @description Per pair of people sharing at least 5 task rounds. */
                            byPair: {
                                /** @description Of them, with the same value. */
                                agreed: number;
                                /** @description 95 % interval of kappa over their shared task rounds (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Cohen’s kappa; null when undefined (see `reason`). */
                                kappa: number | null;
                                /** @description agreed / sharedUnits. */
                                percentAgreement: number;
                                /** @description Why kappa is null; null when it is not. */
                                reason: string | null;
                                /** @description Task rounds both answered. */
                                sharedUnits: number;
                                /** @description The two people (user ids, in order). */
                                workers: string[];
                            }[];
                            /** @description Alpha over every answer. */
                            overall: {
                                /** @description Krippendorff’s alpha; null when undefined (see `reason`). */
                                alpha: number | null;
                                /** @description 95 % interval of alpha over task rounds (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Answers in those task rounds. */
                                pairableValues: number;
                                /** @description Why alpha is null, in plain English; null when it is not. */
                                reason: string | null;
                                /** @description Task rounds answered at least twice that alpha is computed from. */
                                units: number;
                            };
                            /** @description What the categorical value of an answer is. */
                            value: string;
                            /** @description People among them. */
                            workers: number;
                        } | null;
                        /** @description Why `categorical` is null; null when it is not. */
                        categoricalReason: string | null;
                        /** @description Level of measurement of the categorical measure; null when the type has no categorical value. */
                        level: "nominal" | null;
                        /** @description For every type: the type’s own score between answers (IoU-based for image annotation), so types without a categorical value are measured too. */
                        pairwise: {
                            /** @description Per workforce (pairs of answers both given for it). */
                            byGroup: {
                                /** @description 95 % interval of the mean over task rounds (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Mean pairwise score, 0..1; null without units (see `reason`). */
                                mean: number | null;
                                /** @description Why `mean` is null; null when it is not. */
                                reason: string | null;
                                /** @description Task rounds the mean is over. */
                                units: number;
                                /** @description The workforce. */
                                workforce: {
                                    /** @description Workforce id. */
                                    id: string;
                                    /** @description Workforce name. */
                                    name: string;
                                };
                            }[];
                            /** @description Per pair of people sharing at least 5 task rounds. */
                            byPair: {
                                /** @description 95 % interval of the mean over task rounds (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Mean pairwise score, 0..1; null without units (see `reason`). */
                                mean: number | null;
                                /** @description Why `mean` is null; null when it is not. */
                                reason: string | null;
                                /** @description Task rounds the mean is over. */
                                units: number;
                                /** @description The two people (user ids, in order). */
                                workers: string[];
                            }[];
                            /** @description 95 % interval of the mean over task rounds (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                            interval: {
                                /** @description Upper bound: the 97.5 % quantile. */
                                high: number;
                                /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                low: number;
                            } | null;
                            /** @description Mean pairwise score, 0..1; null without units (see `reason`). */
                            mean: number | null;
                            /** @description How the measure is computed. */
                            measure: string;
                            /** @description Why `mean` is null; null when it is not. */
                            reason: string | null;
                            /** @description Task rounds the mean is over. */
                            units: number;
                        };
                        /** @description Everyone in the units, by user id. */
                        people: {
                            /** @description Email address (null when no longer a member). */
                            email: string | null;
                            /** @description Name. */
                            name: string | null;
                            /** @description User id. */
                            userId: string;
                            /** @description Current workforce. */
                            workforceId: string | null;
                        }[];
                        /** @description Project name. */
                        project: string;
                        /**
                         * Format: date-time
                         * @description Start of the period (inclusive).
                         */
                        since: string;
                        /** @description Whether the period had more answers than `answerLimit`; then only the newest count. */
                        truncated: boolean;
                        /** @description Task type. */
                        type: string;
                        /** @description Task rounds answered by two or more people: the units of every measure. */
                        units: number;
                        /**
                         * Format: date-time
                         * @description End of the period (exclusive).
                         */
                        until: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listExports: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A project’s exports. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Exports, newest first. */
                        items: {
                            /** @description Size of the finished file in bytes; null until completed. */
                            bytes: number | null;
                            /** @description Media type of the finished file; null until completed. */
                            contentType: string | null;
                            /**
                             * Format: date-time
                             * @description When the export was requested.
                             */
                            createdAt: string;
                            /** @description Tasks written so far. */
                            done: number;
                            /** @description Why the export failed, when it did. */
                            error: string | null;
                            /** @description Name the file downloads under (`<project>-<format>-<date>.<ext>`); null until completed. */
                            fileName: string | null;
                            /** @description When it completed, failed or was canceled. */
                            finishedAt: string | null;
                            /**
                             * @description The file format: `jsonl` (JSON Lines), `scale_json` (Scale JSON), `huggingface` (Hugging Face dataset), `coco` (COCO; imageannotation projects), `yolo_detection` (YOLO detection; imageannotation projects), `yolo_segmentation` (YOLO segmentation; imageannotation projects), `voc` (Pascal VOC; imageannotation projects), `sft_chat` (SFT chat; demonstration projects), `dpo` (Preference pairs (DPO); pairwisepreference, ranking projects), `rankings` (Rankings; ranking, pairwisepreference projects).
                             * @enum {string}
                             */
                            format: "jsonl" | "scale_json" | "huggingface" | "coco" | "yolo_detection" | "yolo_segmentation" | "voc" | "sft_chat" | "dpo" | "rankings";
                            /** @description Export id. */
                            id: string;
                            /** @description The tasks an export holds and its format options. */
                            options: {
                                /**
                                 * Format: date-time
                                 * @description The request time: tasks created (and, for `completed`, completed) after it are left out, so a repeat writes the same file while the data is unchanged.
                                 */
                                asOf: string;
                                /** @description Only the tasks of this batch, or null for every batch. */
                                batch: string | null;
                                /** @description Only tasks created at or after this time, or null. */
                                createdAfter: string | null;
                                /** @description Only tasks created at or before this time, or null. */
                                createdBefore: string | null;
                                /** @description JSON Lines and Scale JSON: every annotator’s submitted answer is included too. */
                                includeAnswers: boolean;
                                /**
                                 * @description Which tasks by status (`any`: every status; default `completed`).
                                 * @enum {string}
                                 */
                                status: "completed" | "pending" | "canceled" | "error" | "any";
                                /** @description Only tasks carrying any of these tags (empty: every task). */
                                tags: string[];
                            };
                            /** @description The project params version the export was made under (its labels and categories). */
                            paramsVersion: number;
                            /** @description Name of the exported project. */
                            project: string;
                            /** @description When its current run started; null while queued. */
                            startedAt: string | null;
                            /**
                             * @description `queued` until a worker starts it, `running` while it writes, then `completed` (downloadable), `failed` (see `error`) or `canceled`.
                             * @enum {string}
                             */
                            status: "queued" | "running" | "completed" | "failed" | "canceled";
                            /** @description Tasks to write, counted when the run starts; null before. */
                            total: number | null;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    createExport: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        /** @description What to export. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Only the tasks of this batch of the project. */
                    batch?: string;
                    /**
                     * Format: date-time
                     * @description Only tasks created at or after this time (ISO 8601).
                     */
                    createdAfter?: string;
                    /**
                     * Format: date-time
                     * @description Only tasks created at or before this time (ISO 8601).
                     */
                    createdBefore?: string;
                    /**
                     * @description The file format: `jsonl` (JSON Lines), `scale_json` (Scale JSON), `huggingface` (Hugging Face dataset), `coco` (COCO; imageannotation projects), `yolo_detection` (YOLO detection; imageannotation projects), `yolo_segmentation` (YOLO segmentation; imageannotation projects), `voc` (Pascal VOC; imageannotation projects), `sft_chat` (SFT chat; demonstration projects), `dpo` (Preference pairs (DPO); pairwisepreference, ranking projects), `rankings` (Rankings; ranking, pairwisepreference projects).
                     * @enum {string}
                     */
                    format: "jsonl" | "scale_json" | "huggingface" | "coco" | "yolo_detection" | "yolo_segmentation" | "voc" | "sft_chat" | "dpo" | "rankings";
                    /** @description Format options. */
                    options?: {
                        /** @description JSON Lines and Scale JSON: include every annotator’s submitted answer (default false). */
                        includeAnswers?: boolean;
                    };
                    /**
                     * @description Which tasks by status: `completed` (default), `pending`, `canceled`, `error` or `any`.
                     * @enum {string}
                     */
                    status?: "completed" | "pending" | "canceled" | "error" | "any";
                    /** @description Only tasks carrying any of these tags. */
                    tags?: string[];
                };
            };
        };
        responses: {
            /** @description A dataset export: a file of a project’s tasks in one format, made in the background. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Size of the finished file in bytes; null until completed. */
                        bytes: number | null;
                        /** @description Media type of the finished file; null until completed. */
                        contentType: string | null;
                        /**
                         * Format: date-time
                         * @description When the export was requested.
                         */
                        createdAt: string;
                        /** @description Tasks written so far. */
                        done: number;
                        /** @description Why the export failed, when it did. */
                        error: string | null;
                        /** @description Name the file downloads under (`<project>-<format>-<date>.<ext>`); null until completed. */
                        fileName: string | null;
                        /** @description When it completed, failed or was canceled. */
                        finishedAt: string | null;
                        /**
                         * @description The file format: `jsonl` (JSON Lines), `scale_json` (Scale JSON), `huggingface` (Hugging Face dataset), `coco` (COCO; imageannotation projects), `yolo_detection` (YOLO detection; imageannotation projects), `yolo_segmentation` (YOLO segmentation; imageannotation projects), `voc` (Pascal VOC; imageannotation projects), `sft_chat` (SFT chat; demonstration projects), `dpo` (Preference pairs (DPO); pairwisepreference, ranking projects), `rankings` (Rankings; ranking, pairwisepreference projects).
                         * @enum {string}
                         */
                        format: "jsonl" | "scale_json" | "huggingface" | "coco" | "yolo_detection" | "yolo_segmentation" | "voc" | "sft_chat" | "dpo" | "rankings";
                        /** @description Export id. */
                        id: string;
                        /** @description The tasks an export holds and its format options. */
                        options: {
                            /**
                             * Format: date-time
                             * @description The request time: tasks created (and, for `completed`, completed) after it are left out, so a repeat writes the same file while the data is unchanged.
                             */
                            asOf: string;
                            /** @description Only the tasks of this batch, or null for every batch. */
                            batch: string | null;
                            /** @description Only tasks created at or after this time, or null. */
                            createdAfter: string | null;
                            /** @description Only tasks created at or before this time, or null. */
                            createdBefore: string | null;
                            /** @description JSON Lines and Scale JSON: every annotator’s submitted answer is included too. */
                            includeAnswers: boolean;
                            /**
                             * @description Which tasks by status (`any`: every status; default `completed`).
                             * @enum {string}
                             */
                            status: "completed" | "pending" | "canceled" | "error" | "any";
                            /** @description Only tasks carrying any of these tags (empty: every task). */
                            tags: string[];
                        };
                        /** @description The project params version the export was made under (its labels and categories). */
                        paramsVersion: number;
                        /** @description Name of the exported project. */
                        project: string;
                        /** @description When its current run started; null while queued. */
                        startedAt: string | null;
                        /**
                         * @description `queued` until a worker starts it, `running` while it writes, then `completed` (downloadable), `failed` (see `error`) or `canceled`.
                         * @enum {string}
                         */
                        status: "queued" | "running" | "completed" | "failed" | "canceled";
                        /** @description Tasks to write, counted when the run starts; null before. */
                        total: number | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listGoldTasks: {
        parameters: {
            query?: {
                /** @description `evaluation`: mixed hidden into the queue at the project’s gold rate; `training`: shown to new annotators before real work. */
                kind?: "evaluation" | "training";
                /** @description `true` includes archived gold (default: active only). */
                archived?: "true" | "false";
                /** @description Largest number of items to return (1–100, default 100). */
                limit?: number;
                /** @description Only gold tasks older than this id (the next page). */
                before?: string;
            };
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of gold tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Gold tasks, newest first. */
                        gold: {
                            /** @description Answers given to it (in lists). */
                            answers?: number;
                            /** @description Archived gold is no longer served; its answers stay. */
                            archived: boolean;
                            /**
                             * Format: date-time
                             * @description When it was created.
                             */
                            createdAt: string;
                            /** @description The known answer that answers are scored against. */
                            expectedResponse: unknown;
                            /** @description Gold task id. */
                            id: string;
                            /** @description An initial answer for review-phase evaluation, or null. */
                            initialResponse: unknown;
                            /**
                             * @description `evaluation`: mixed hidden into the queue at the project’s gold rate; `training`: shown to new annotators before real work.
                             * @enum {string}
                             */
                            kind: "evaluation" | "training";
                            /** @description Their mean score, 0..1 (in lists). */
                            meanScore?: number | null;
                            /** @description The task’s params, as annotators see them. */
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description Project name. */
                            project: string;
                            /** @description Task type. */
                            type: string;
                        }[];
                        /** @description `before` of the next page, or null at the end. */
                        next: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    createGoldTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        /** @description A new gold task. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The known answer, in the type’s response format; checked against the params. */
                    expectedResponse: unknown;
                    /** @description For review-phase evaluation: an initial answer to be reviewed (checked the same way). */
                    initialResponse?: unknown;
                    /**
                     * @description `evaluation`: mixed hidden into the queue at the project’s gold rate; `training`: shown to new annotators before real work.
                     * @enum {string}
                     */
                    kind: "evaluation" | "training";
                    /** @description The task’s params, as for creating a task of the project’s type (e.g. `attachment`, `objects_to_annotate`); the project’s defaults apply. */
                    params: {
                        [key: string]: unknown;
                    };
                };
            };
        };
        responses: {
            /** @description A gold task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Answers given to it (in lists). */
                        answers?: number;
                        /** @description Archived gold is no longer served; its answers stay. */
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description When it was created.
                         */
                        createdAt: string;
                        /** @description The known answer that answers are scored against. */
                        expectedResponse: unknown;
                        /** @description Gold task id. */
                        id: string;
                        /** @description An initial answer for review-phase evaluation, or null. */
                        initialResponse: unknown;
                        /**
                         * @description `evaluation`: mixed hidden into the queue at the project’s gold rate; `training`: shown to new annotators before real work.
                         * @enum {string}
                         */
                        kind: "evaluation" | "training";
                        /** @description Their mean score, 0..1 (in lists). */
                        meanScore?: number | null;
                        /** @description The task’s params, as annotators see them. */
                        params: {
                            [key: string]: unknown;
                        };
                        /** @description Project name. */
                        project: string;
                        /** @description Task type. */
                        type: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getProjectOverview: {
        parameters: {
            query?: {
                /** @description The period: the last this many calendar days, today included (1–365, default 30). */
                days?: number;
                /** @description Size of a bucket of the series: `day` (default) or `hour` (periods up to 31 days). */
                bucket?: "day" | "hour";
                /** @description IANA time zone the days and hours are counted in, e.g. `Europe/Paris` (default `UTC`). */
                timezone?: string;
            };
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A project’s overview: where its tasks stand, and how work went over the period. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One point per bucket, oldest first. */
                        agreement: {
                            /** @description Mean agreement of the tasks completed, 0..1; null when the bucket has none. */
                            mean: number | null;
                            /** @description How many values the mean is over (0 in an empty bucket). */
                            n: number;
                            /**
                             * Format: date-time
                             * @description Start of the bucket (it ends where the next one starts).
                             */
                            start: string;
                        }[];
                        /** @description Progress by batch. */
                        batches: {
                            /** @description The newest batches that are not archived (at most 50), newest first. */
                            items: {
                                /** @description Completed tasks over all its tasks, 0..1; null without tasks. */
                                completedShare: number | null;
                                /** @description Tasks by status. */
                                counts: {
                                    /** @description Canceled tasks. */
                                    canceled: number;
                                    /** @description Tasks with a final response. */
                                    completed: number;
                                    /** @description Tasks that failed. */
                                    error: number;
                                    /** @description Tasks not finished yet (labeling or review). */
                                    pending: number;
                                };
                                /**
                                 * Format: date-time
                                 * @description When the batch was created.
                                 */
                                createdAt: string;
                                /** @description Batch name. */
                                name: string;
                                /**
                                 * @description Batch status.
                                 * @enum {string}
                                 */
                                status: "staging" | "in_progress" | "completed";
                                /** @description Its tasks. */
                                total: number;
                            }[];
                            /** @description Batches of the project that are not archived. */
                            total: number;
                        };
                        /**
                         * @description Size of a bucket of the series.
                         * @enum {string}
                         */
                        bucket: "day" | "hour";
                        /** @description Length of the period in calendar days. */
                        days: number;
                        /** @description Hidden-gold accuracy over time. */
                        gold: {
                            /** @description One point per bucket, oldest first. */
                            series: {
                                /** @description Mean score of the hidden-gold answers, 0..1; null when the bucket has none. */
                                mean: number | null;
                                /** @description How many values the mean is over (0 in an empty bucket). */
                                n: number;
                                /**
                                 * Format: date-time
                                 * @description Start of the bucket (it ends where the next one starts).
                                 */
                                start: string;
                            }[];
                            /** @description Per workforce with gold answers in the period, most answers first. */
                            workforces: {
                                /** @description Mean gold score over the period */
                                overall: {
                                    /** @description Mean gold score over the period, 0..1; null when there is nothing to average. */
                                    mean: number | null;
                                    /** @description How many values the mean is over. */
                                    n: number;
                                };
                                /** @description One point per bucket, oldest first. */
                                series: {
                                    /** @description Mean score of its hidden-gold answers, 0..1; null when the bucket has none. */
                                    mean: number | null;
                                    /** @description How many values the mean is over (0 in an empty bucket). */
                                    n: number;
                                    /**
                                     * Format: date-time
                                     * @description Start of the bucket (it ends where the next one starts).
                                     */
                                    start: string;
                                }[];
                                /** @description The workforce the answers were given for (null: none, unassigned people). */
                                workforce: {
                                    /** @description Workforce id. */
                                    id: string;
                                    /** @description Workforce name. */
                                    name: string;
                                } | null;
                            }[];
                        };
                        /** @description Totals of the period. */
                        period: {
                            /** @description Mean agreement of the tasks completed in the period */
                            agreement: {
                                /** @description Mean agreement of the tasks completed in the period, 0..1; null when there is nothing to average. */
                                mean: number | null;
                                /** @description How many values the mean is over. */
                                n: number;
                            };
                            /** @description Labeling answers submitted in the period (hidden gold excluded). */
                            answersSubmitted: number;
                            /** @description Mean score of the hidden-gold answers submitted in the period */
                            gold: {
                                /** @description Mean score of the hidden-gold answers submitted in the period, 0..1; null when there is nothing to average. */
                                mean: number | null;
                                /** @description How many values the mean is over. */
                                n: number;
                            };
                            /** @description Review verdicts submitted by reviewers in the period. */
                            reviewsDone: number;
                            /** @description Tasks completed in the period. */
                            tasksCompleted: number;
                        };
                        /** @description The project. */
                        project: {
                            /** @description Whether the project is archived. */
                            archived: boolean;
                            /** @description Project name. */
                            name: string;
                            /** @description Annotators per task; with 1, every completed task’s agreement is 1 by definition. */
                            overlap: number;
                            /** @description Task type. */
                            type: string;
                        };
                        /**
                         * Format: date-time
                         * @description Start of the first bucket.
                         */
                        since: string;
                        /** @description Every task of the project, whatever the period. */
                        tasks: {
                            /** @description Mean agreement of the completed tasks that have one */
                            agreement: {
                                /** @description Mean agreement of the completed tasks that have one, 0..1; null when there is nothing to average. */
                                mean: number | null;
                                /** @description How many values the mean is over. */
                                n: number;
                            };
                            /** @description Tasks by workflow stage. */
                            byStage: {
                                /** @description Tasks out of the workflow (completed, canceled or failed). */
                                done: number;
                                /** @description Tasks in labeling (pending). */
                                label: number;
                                /** @description Tasks waiting for a reviewer (pending). */
                                review: number;
                            };
                            /** @description Tasks by status. */
                            byStatus: {
                                /** @description Canceled tasks. */
                                canceled: number;
                                /** @description Tasks with a final response. */
                                completed: number;
                                /** @description Tasks that failed. */
                                error: number;
                                /** @description Tasks not finished yet (labeling or review). */
                                pending: number;
                            };
                            /** @description Pending tasks waiting for a reviewer. */
                            inReview: number;
                            /** @description Pending tasks in labeling (or not started). */
                            labeling: number;
                            /** @description Every task of the project. */
                            total: number;
                            /** @description Tasks outside any batch. */
                            unbatched: number;
                        };
                        /** @description One point per bucket, oldest first; empty buckets have zeros. */
                        throughput: {
                            /** @description Labeling answers submitted (hidden gold excluded). */
                            answersSubmitted: number;
                            /** @description Review verdicts submitted. */
                            reviewsDone: number;
                            /**
                             * Format: date-time
                             * @description Start of the bucket.
                             */
                            start: string;
                            /** @description Tasks completed. */
                            tasksCompleted: number;
                        }[];
                        /** @description The IANA time zone days and hours are counted in. */
                        timezone: string;
                        /**
                         * Format: date-time
                         * @description End of the last bucket (the current day or hour included).
                         */
                        until: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getProjectParamHistory: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The param history of a project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The versions, oldest first. */
                        items: {
                            /**
                             * Format: date-time
                             * @description When this version was recorded.
                             */
                            createdAt: string;
                            /** @description Markdown instruction of this version, if any. */
                            instruction: string | null;
                            /** @description The default task params of this version. */
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description Version number, starting at 0; each change of params adds one. */
                            version: number;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    setProjectParams: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        /** @description A new version of the default params. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The params version the change was made on; when the project is at another version by now (someone else saved), the change is refused with 409 version_conflict instead of overwriting theirs. */
                    baseVersion?: number;
                    /** @description The new instruction; omitted keeps it when patching, clears it otherwise. */
                    instruction?: string | null;
                    /** @description The new default params. */
                    params: {
                        [key: string]: unknown;
                    };
                    /**
                     * @description Keep params that are not given (given ones replace old values wholesale); default false.
                     * @default false
                     */
                    patch?: boolean;
                };
            };
        };
        responses: {
            /** @description A project: a task type with default params and instructions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Whether the project is archived. */
                        archived: boolean;
                        /**
                         * Format: date-time
                         * @description When the project was created.
                         */
                        createdAt: string;
                        /** @description Project id. */
                        id: string;
                        /** @description Current markdown instruction appended to every task. */
                        instruction: string | null;
                        /** @description Whether the project belongs to the test environment. */
                        isTest: boolean;
                        /** @description Unique name of the project in its environment; used in paths. */
                        name: string;
                        /** @description Current default params merged into every task of the project. */
                        params: {
                            [key: string]: unknown;
                        };
                        /** @description Queue priority of the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Quality policy: hidden gold rate, pause threshold, training gate, weighted consensus (defaults applied). */
                        quality: {
                            /**
                             * @description How many evaluation answers a person gives before the pause rule judges them (default 5).
                             * @default 5
                             */
                            gold_min_answers: number;
                            /**
                             * @description Share of labeling leases that are hidden evaluation tasks, 0–0.5 (default 0.05); gold is served only while real work waits, so it looks like any other task.
                             * @default 0.05
                             */
                            gold_rate: number;
                            /**
                             * @description Pause an annotator when their mean gold score over the last `gold_window` evaluation answers is below this (0..1), after `gold_min_answers`; null: never.
                             * @default null
                             */
                            gold_threshold: number | null;
                            /**
                             * @description How many recent evaluation answers the pause rule averages (default 20).
                             * @default 20
                             */
                            gold_window: number;
                            /**
                             * @description The score (0..1) a training answer needs to count as passed (default 0.8).
                             * @default 0.8
                             */
                            training_pass_score: number;
                            /**
                             * @description Training tasks to pass before real work (0–100; default 0: no gate). With fewer training tasks than this, all of them.
                             * @default 0
                             */
                            training_required: number;
                            /**
                             * @description Weigh answers in consensus by each annotator's measured reliability (gold accuracy, else agreement with consensus); default true.
                             * @default true
                             */
                            weighted_consensus: boolean;
                        };
                        /** @description Who may work the project: workforces (with optional shares) and required skills. */
                        routing: {
                            /**
                             * @description Skills an annotator must hold (all of them) to take the work; lowercase slugs.
                             * @default []
                             */
                            skills: string[];
                            /**
                             * @description The workforces allowed on the project; empty: every workforce of the organization.
                             * @default []
                             */
                            workforces: {
                                /** @description The workforce's id. */
                                id: string;
                                /** @description Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3). */
                                share?: number;
                            }[];
                        };
                        /** @description Task type of the project, e.g. `categorization`. */
                        type: string;
                        /**
                         * Format: date-time
                         * @description When the project last changed.
                         */
                        updatedAt: string;
                        /** @description Current param version. */
                        version: number;
                        /** @description How a task becomes human work: overlap, review stage, lease duration (defaults applied). */
                        workflow: {
                            /**
                             * @description How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).
                             * @default 1800
                             */
                            lease_seconds: number;
                            /**
                             * @description How many different annotators label each task (1–10).
                             * @default 1
                             */
                            overlap: number;
                            /**
                             * @description The review stage (default: none).
                             * @default {
                             *       "mode": "none"
                             *     }
                             */
                            review: {
                                /** @description For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
                                agreement_threshold?: number;
                                /**
                                 * @description When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).
                                 * @default none
                                 * @enum {string}
                                 */
                                mode: "none" | "all" | "sample" | "below_agreement";
                                /** @description For `sample`: the share of tasks reviewed, 0..1. */
                                sample_rate?: number;
                            };
                        };
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    refreshProjectReliability: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the reliability refresh measured and stored. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Everyone with answers in consensus, by user id. */
                        annotators: {
                            /** @description Answers it rests on. */
                            answers: number;
                            /**
                             * @description `written`: stored as their consensus reliability; `unchanged`: already stored; `kept_gold`: their reliability measured on gold is kept (better evidence); `too_few_answers`: nothing stored.
                             * @enum {string}
                             */
                            outcome: "written" | "unchanged" | "kept_gold" | "too_few_answers";
                            /** @description Measured reliability, 0..1; null with too few answers. */
                            reliability: number | null;
                            /** @description The person. */
                            userId: string;
                        }[];
                        /** @description Labeling answers read. */
                        answers: number;
                        /**
                         * @description `dawid_skene`: categorical types, Dawid-Skene’s probability of labeling a random task right; `mean_score`: the mean score of their answers against the final result (tasks labeled by two or more).
                         * @enum {string}
                         */
                        method: "dawid_skene" | "mean_score";
                        /** @description Fewest answers a reliability rests on (the project’s `gold_min_answers`). */
                        minAnswers: number;
                        /** @description Project name. */
                        project: string;
                        /**
                         * Format: date-time
                         * @description Start of the window (the last 30 days).
                         */
                        since: string;
                        /** @description Whether the window had more answers than were read (the newest count). */
                        truncated: boolean;
                        /**
                         * Format: date-time
                         * @description End of the window (now).
                         */
                        until: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getProjectScorecards: {
        parameters: {
            query?: {
                /** @description `annotator` (default): one scorecard per person; `workforce`: the answers given for each workforce pooled. */
                by?: "annotator" | "workforce";
                /** @description Start of the period, inclusive (ISO 8601; default: 30 days before `until`). */
                since?: string;
                /** @description End of the period, exclusive (ISO 8601; default: now). */
                until?: string;
            };
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Scorecards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description With `by=annotator`: one per person, by email; else null. */
                        annotators: {
                            /** @description Agreement with the final result. */
                            agreementWithConsensus: {
                                /** @description Labeling answers of completed tasks whose final round had two or more answers (a lone answer is the result, so it says nothing). */
                                answers: number;
                                /** @description Mean of the type’s score of each answer against the task’s final response, 0..1. */
                                meanScore: number | null;
                            };
                            /** @description Every check that had their data, flagged or not. */
                            checks: {
                                /**
                                 * @description `fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).
                                 * @enum {string}
                                 */
                                check: "fast_answers" | "side_bias" | "length_bias" | "transitivity";
                                /** @description The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators. */
                                figures: {
                                    [key: string]: number | null;
                                };
                                /** @description Whether the check flagged them. */
                                flagged: boolean;
                                /** @description The project whose answers were checked. */
                                project: string;
                                /** @description Why, in plain English; null when not flagged. */
                                reason: string | null;
                            }[];
                            /** @description Their email address (null when no longer a member). */
                            email: string | null;
                            /** @description The checks that flagged them. */
                            flags: {
                                /**
                                 * @description `fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).
                                 * @enum {string}
                                 */
                                check: "fast_answers" | "side_bias" | "length_bias" | "transitivity";
                                /** @description The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators. */
                                figures: {
                                    [key: string]: number | null;
                                };
                                /** @description Whether the check flagged them. */
                                flagged: boolean;
                                /** @description The project whose answers were checked. */
                                project: string;
                                /** @description Why, in plain English; null when not flagged. */
                                reason: string | null;
                            }[];
                            /** @description Hidden gold results. */
                            gold: {
                                /** @description Hidden evaluation answers submitted in the period. */
                                answers: number;
                                /** @description 95 % interval of the mean score (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Their mean score, 0..1 (null without answers). */
                                meanScore: number | null;
                            };
                            /** @description Their name. */
                            name: string | null;
                            /** @description What reviewers said of the rounds they labeled. */
                            reviewAcceptance: {
                                /** @description Accepted as labeled. */
                                accepted: number;
                                /** @description Accepted with a correction. */
                                fixed: number;
                                /** @description (accepted + fixed) / reviewed; null when nothing was reviewed. */
                                rate: number | null;
                                /** @description Sent back to labeling. */
                                rejected: number;
                                /** @description Reviewer verdicts in the period on rounds they labeled. */
                                reviewed: number;
                            };
                            /** @description Their standings with the projects in scope (those recorded). */
                            standings: {
                                /** @description Set while they may not work the project. */
                                paused: {
                                    /**
                                     * Format: date-time
                                     * @description Since when.
                                     */
                                    at: string;
                                    /**
                                     * @description Why: gold, training, or a manager.
                                     * @enum {string}
                                     */
                                    by: "gold" | "training" | "manager";
                                    /** @description The reason, as shown to the person. */
                                    reason: string;
                                } | null;
                                /** @description Project name. */
                                project: string;
                                /** @description The weight of their answers in consensus, 0..1. */
                                reliability: number | null;
                                /** @description Where the reliability comes from. */
                                reliabilitySource: ("gold" | "consensus") | null;
                            }[];
                            /** @description How much labeling work, how fast. */
                            throughput: {
                                /** @description Labeling answers submitted in the period. */
                                answers: number;
                                /** @description Median time spent per answer, in ms (null without answers). */
                                medianTimeMs: number | null;
                                /** @description answers / the period’s length in days. */
                                perDay: number;
                            };
                            /** @description The person. */
                            userId: string;
                            /** @description Their current workforce (null: unassigned). */
                            workforce: {
                                /** @description Workforce id. */
                                id: string;
                                /** @description Workforce name. */
                                name: string;
                            } | null;
                        }[] | null;
                        /** @description Most labeling answers (and, apart, gold answers) read. */
                        answerLimit: number;
                        /**
                         * @description Per annotator or per workforce.
                         * @enum {string}
                         */
                        by: "annotator" | "workforce";
                        /** @description The projects covered, by name. */
                        projects: string[];
                        /**
                         * Format: date-time
                         * @description Start of the period (inclusive).
                         */
                        since: string;
                        /** @description Whether the period had more labeling or gold answers than `answerLimit`; then only the newest count. */
                        truncated: boolean;
                        /**
                         * Format: date-time
                         * @description End of the period (exclusive).
                         */
                        until: string;
                        /** @description With `by=workforce`: one per workforce, by name, then answers without one; else null. */
                        workforces: {
                            /** @description Agreement with the final result. */
                            agreementWithConsensus: {
                                /** @description Labeling answers of completed tasks whose final round had two or more answers (a lone answer is the result, so it says nothing). */
                                answers: number;
                                /** @description Mean of the type’s score of each answer against the task’s final response, 0..1. */
                                meanScore: number | null;
                            };
                            /** @description People with answers, gold answers or reviewed rounds for it in the period. */
                            annotators: number;
                            /** @description Every check that had their data, flagged or not. */
                            checks: {
                                /**
                                 * @description `fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).
                                 * @enum {string}
                                 */
                                check: "fast_answers" | "side_bias" | "length_bias" | "transitivity";
                                /** @description The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators. */
                                figures: {
                                    [key: string]: number | null;
                                };
                                /** @description Whether the check flagged them. */
                                flagged: boolean;
                                /** @description The project whose answers were checked. */
                                project: string;
                                /** @description Why, in plain English; null when not flagged. */
                                reason: string | null;
                            }[];
                            /** @description The checks that flagged them. */
                            flags: {
                                /**
                                 * @description `fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).
                                 * @enum {string}
                                 */
                                check: "fast_answers" | "side_bias" | "length_bias" | "transitivity";
                                /** @description The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators. */
                                figures: {
                                    [key: string]: number | null;
                                };
                                /** @description Whether the check flagged them. */
                                flagged: boolean;
                                /** @description The project whose answers were checked. */
                                project: string;
                                /** @description Why, in plain English; null when not flagged. */
                                reason: string | null;
                            }[];
                            /** @description Hidden gold results. */
                            gold: {
                                /** @description Hidden evaluation answers submitted in the period. */
                                answers: number;
                                /** @description 95 % interval of the mean score (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Their mean score, 0..1 (null without answers). */
                                meanScore: number | null;
                            };
                            /** @description Of them, how many are paused from a project in scope. */
                            pausedAnnotators: number;
                            /** @description What reviewers said of the rounds they labeled. */
                            reviewAcceptance: {
                                /** @description Accepted as labeled. */
                                accepted: number;
                                /** @description Accepted with a correction. */
                                fixed: number;
                                /** @description (accepted + fixed) / reviewed; null when nothing was reviewed. */
                                rate: number | null;
                                /** @description Sent back to labeling. */
                                rejected: number;
                                /** @description Reviewer verdicts in the period on rounds they labeled. */
                                reviewed: number;
                            };
                            /** @description How much labeling work, how fast. */
                            throughput: {
                                /** @description Labeling answers submitted in the period. */
                                answers: number;
                                /** @description Median time spent per answer, in ms (null without answers). */
                                medianTimeMs: number | null;
                                /** @description answers / the period’s length in days. */
                                perDay: number;
                            };
                            /** @description The workforce (null: answers given without one). */
                            workforce: {
                                /** @description Workforce id. */
                                id: string;
                                /** @description Workforce name. */
                                name: string;
                            } | null;
                        }[] | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listStandings: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Standings by user id. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description One per person, by user id. */
                        standings: {
                            /** @description Their email address (null when no longer a member). */
                            email: string | null;
                            /** @description Hidden gold results on this project. */
                            gold: {
                                /** @description Evaluation answers given. */
                                answers: number;
                                /** @description Their mean score, 0..1 (null before the first). */
                                meanScore: number | null;
                            };
                            /** @description Their name. */
                            name: string | null;
                            /** @description Set while they may not work the project. */
                            paused: {
                                /**
                                 * Format: date-time
                                 * @description Since when.
                                 */
                                at: string;
                                /**
                                 * @description Why: low gold scores, a failed training gate, or a manager.
                                 * @enum {string}
                                 */
                                by: "gold" | "training" | "manager";
                                /** @description The reason, as shown to the person. */
                                reason: string;
                            } | null;
                            /** @description The weight of their answers in consensus, 0..1 (null: unknown, counted as 1). */
                            reliability: number | null;
                            /** @description Where the reliability comes from: recent gold scores, or agreement with consensus. */
                            reliabilitySource: ("gold" | "consensus") | null;
                            /** @description Progress through the training gate. */
                            training: {
                                /** @description Training answers given. */
                                answered: number;
                                /** @description Training answers that met the project’s pass score. */
                                passedCount: number;
                                /**
                                 * @description `in_progress` until enough training answers pass; `passed` (real work opens); `failed` (too few can pass: paused until a manager reinstates).
                                 * @enum {string}
                                 */
                                state: "not_required" | "in_progress" | "passed" | "failed";
                                /** @description How many must pass. */
                                target: number;
                            };
                            /** @description The person. */
                            userId: string;
                            /** @description Their workforce. */
                            workforceId: string | null;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    setPaused: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
                /** @description The person. */
                userId: string;
            };
            cookie?: never;
        };
        /** @description Pause (with a reason) or reinstate. */
        requestBody: {
            content: {
                "application/json": {
                    /**
                     * @description Pause.
                     * @enum {boolean}
                     */
                    paused: true;
                    /** @description Why, in words the person will read (required). */
                    reason: string;
                } | {
                    /**
                     * @description Reinstate.
                     * @enum {boolean}
                     */
                    paused: false;
                };
            };
        };
        responses: {
            /** @description A person's standing with a project. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Their email address (null when no longer a member). */
                        email: string | null;
                        /** @description Hidden gold results on this project. */
                        gold: {
                            /** @description Evaluation answers given. */
                            answers: number;
                            /** @description Their mean score, 0..1 (null before the first). */
                            meanScore: number | null;
                        };
                        /** @description Their name. */
                        name: string | null;
                        /** @description Set while they may not work the project. */
                        paused: {
                            /**
                             * Format: date-time
                             * @description Since when.
                             */
                            at: string;
                            /**
                             * @description Why: low gold scores, a failed training gate, or a manager.
                             * @enum {string}
                             */
                            by: "gold" | "training" | "manager";
                            /** @description The reason, as shown to the person. */
                            reason: string;
                        } | null;
                        /** @description The weight of their answers in consensus, 0..1 (null: unknown, counted as 1). */
                        reliability: number | null;
                        /** @description Where the reliability comes from: recent gold scores, or agreement with consensus. */
                        reliabilitySource: ("gold" | "consensus") | null;
                        /** @description Progress through the training gate. */
                        training: {
                            /** @description Training answers given. */
                            answered: number;
                            /** @description Training answers that met the project’s pass score. */
                            passedCount: number;
                            /**
                             * @description `in_progress` until enough training answers pass; `passed` (real work opens); `failed` (too few can pass: paused until a manager reinstates).
                             * @enum {string}
                             */
                            state: "not_required" | "in_progress" | "passed" | "failed";
                            /** @description How many must pass. */
                            target: number;
                        };
                        /** @description The person. */
                        userId: string;
                        /** @description Their workforce. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getTaskFilterOptions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the task explorer’s filters can be set to. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The project’s batches, newest first. */
                        batches: {
                            /**
                             * Format: date-time
                             * @description When the batch was created.
                             */
                            createdAt: string;
                            /** @description Batch name (the `batch` filter). */
                            name: string;
                            /**
                             * @description Batch status.
                             * @enum {string}
                             */
                            status: "staging" | "in_progress" | "completed";
                        }[];
                        /** @description Members whose role can answer tasks (everyone but viewers), by name. */
                        people: {
                            /** @description Whether their membership is disabled (past answers stay theirs). */
                            disabled: boolean;
                            /** @description Their email address. */
                            email: string;
                            /** @description User id (the `annotator` filter). */
                            id: string;
                            /** @description Their name. */
                            name: string;
                            /** @description Their role. */
                            role: string;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    exploreProjectTasks: {
        parameters: {
            query?: {
                /** @description Only tasks with this status. */
                status?: "pending" | "completed" | "canceled" | "error";
                /** @description Only tasks at this stage: in `label`ing, in `review`, or `done` (any terminal status). */
                stage?: "label" | "review" | "done";
                /** @description Only tasks of the project’s batch with this name. */
                batch?: string;
                /** @description Only tasks with any of these tags (repeat the parameter for several). */
                tag?: string[];
                /** @description Only tasks whose labeling agreement is below this, 0..1 (tasks without an agreement never match). */
                agreementBelow?: number;
                /** @description Only tasks whose labeling agreement is at least this, 0..1 (tasks without an agreement never match). */
                agreementAtLeast?: number;
                /** @description Only tasks this person (user id) submitted a labeling answer to, in any round. */
                annotator?: string;
                /** @description Only tasks created at or after this time (ISO 8601). */
                createdAfter?: string;
                /** @description Only tasks created at or before this time (ISO 8601). */
                createdBefore?: string;
                /** @description Only tasks completed at or after this time (ISO 8601). */
                completedAfter?: string;
                /** @description Only tasks completed at or before this time (ISO 8601). */
                completedBefore?: string;
                /** @description A task id or unique_id: tasks whose id or unique_id equals it or starts with it. */
                q?: string;
                /** @description `newest` first (default) or `oldest` first, by creation time. */
                sort?: "newest" | "oldest";
                /** @description Largest number of tasks to return (1–500, default 100). */
                limit?: number;
                /** @description The `nextCursor` of the previous page (same `sort`); omitted for the first page. */
                cursor?: string;
            };
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of a project’s tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The tasks of this page, in the requested order. */
                        items: {
                            /** @description Agreement of the labeling answers, 0..1 (null until consensus). */
                            agreement: number | null;
                            /** @description Who answered the current round, in slot order. */
                            annotators: {
                                /** @description User id. */
                                id: string;
                                /** @description Their name (null when no longer a member). */
                                name: string | null;
                            }[];
                            /** @description Labeling answers submitted in the current round. */
                            answerCount: number;
                            /** @description Batch name, if any. */
                            batch: string | null;
                            /** @description When the task was completed. */
                            completedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the task was created.
                             */
                            createdAt: string;
                            /** @description Outcome of the latest customer audit (`accepted`, `rejected`), if any. */
                            customerReviewStatus: string | null;
                            /** @description Task id. */
                            id: string;
                            /** @description The project params version the task was created under (null for tasks older than versions). */
                            paramsVersion: number | null;
                            /** @description A short preview of the task’s attachment. */
                            preview: {
                                /**
                                 * @description What the preview is: a media URL (`image`, `video`…), a `text` excerpt, or `none`.
                                 * @enum {string}
                                 */
                                kind: "image" | "video" | "audio" | "pdf" | "website" | "text" | "none";
                                /** @description For text: the first characters of the text or prompt. */
                                text: string | null;
                                /** @description For media: where the browser loads it (`/api/files/{id}/content` for stored files, else the task’s URL). */
                                url: string | null;
                            };
                            /** @description Labeling round: 1, plus one per rejection. */
                            round: number;
                            /**
                             * @description Where the task is in its workflow: `label`ing, `review`, or `done` (a terminal status).
                             * @enum {string}
                             */
                            stage: "label" | "review" | "done";
                            /**
                             * @description Lifecycle status of the task.
                             * @enum {string}
                             */
                            status: "pending" | "completed" | "canceled" | "error";
                            /** @description Tags. */
                            tags: string[];
                            /** @description Task type. */
                            type: string;
                            /** @description Caller-chosen unique id, if any. */
                            uniqueId: string | null;
                        }[];
                        /** @description Pass as `cursor` for the next page; `null` on the last page. */
                        nextCursor: string | null;
                        /** @description Tasks matching the filters, on the first page (no `cursor`); `null` on later pages. */
                        total: number | null;
                        /** @description `true` when `total` was counted; `false` when it is the database’s estimate (more than 10,000 match, or counting took longer than a tenth of a second) — never less than the tasks known to match. */
                        totalExact: boolean;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getProjectWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A project's workflow, routing, priority, quality and redaction policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Queue priority of the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Quality policy: hidden gold rate, pause threshold, training gate, weighted consensus. */
                        quality: {
                            /**
                             * @description How many evaluation answers a person gives before the pause rule judges them (default 5).
                             * @default 5
                             */
                            gold_min_answers: number;
                            /**
                             * @description Share of labeling leases that are hidden evaluation tasks, 0–0.5 (default 0.05); gold is served only while real work waits, so it looks like any other task.
                             * @default 0.05
                             */
                            gold_rate: number;
                            /**
                             * @description Pause an annotator when their mean gold score over the last `gold_window` evaluation answers is below this (0..1), after `gold_min_answers`; null: never.
                             * @default null
                             */
                            gold_threshold: number | null;
                            /**
                             * @description How many recent evaluation answers the pause rule averages (default 20).
                             * @default 20
                             */
                            gold_window: number;
                            /**
                             * @description The score (0..1) a training answer needs to count as passed (default 0.8).
                             * @default 0.8
                             */
                            training_pass_score: number;
                            /**
                             * @description Training tasks to pass before real work (0–100; default 0: no gate). With fewer training tasks than this, all of them.
                             * @default 0
                             */
                            training_required: number;
                            /**
                             * @description Weigh answers in consensus by each annotator's measured reliability (gold accuracy, else agreement with consensus); default true.
                             * @default true
                             */
                            weighted_consensus: boolean;
                        };
                        /** @description Personal data masking: whose annotators see emails, phone numbers, card and ID numbers, IP addresses and listed names replaced by placeholders. */
                        redaction: {
                            /**
                             * @description Whose annotators see masked text: none (default), vendors (workforces of kind vendor) or all; listed workforces always do.
                             * @default none
                             * @enum {string}
                             */
                            applies_to: "none" | "vendors" | "all";
                            /**
                             * @description Country whose national phone numbers are recognised (ISO 3166-1 alpha-2, e.g. US); null: only international numbers.
                             * @default null
                             */
                            default_country: string | null;
                            /**
                             * @description Kinds of personal data masked: email, card, id, phone, ip, name (default all).
                             * @default [
                             *       "email",
                             *       "card",
                             *       "id",
                             *       "phone",
                             *       "ip",
                             *       "name"
                             *     ]
                             */
                            kinds: ("email" | "card" | "id" | "phone" | "ip" | "name")[];
                            /**
                             * @description Names to mask (a customer list), matched as whole words ignoring case.
                             * @default []
                             */
                            names: string[];
                            /**
                             * @description Further workforces (by id) whose annotators see masked text, internal ones included.
                             * @default []
                             */
                            workforces: string[];
                        };
                        /** @description Who may work the project: workforces (with shares) and skills. */
                        routing: {
                            /**
                             * @description Skills an annotator must hold (all of them) to take the work; lowercase slugs.
                             * @default []
                             */
                            skills: string[];
                            /**
                             * @description The workforces allowed on the project; empty: every workforce of the organization.
                             * @default []
                             */
                            workforces: {
                                /** @description The workforce's id. */
                                id: string;
                                /** @description Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3). */
                                share?: number;
                            }[];
                        };
                        /** @description How a task becomes human work: overlap, review stage, lease duration. */
                        workflow: {
                            /**
                             * @description How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).
                             * @default 1800
                             */
                            lease_seconds: number;
                            /**
                             * @description How many different annotators label each task (1–10).
                             * @default 1
                             */
                            overlap: number;
                            /**
                             * @description The review stage (default: none).
                             * @default {
                             *       "mode": "none"
                             *     }
                             */
                            review: {
                                /** @description For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
                                agreement_threshold?: number;
                                /**
                                 * @description When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).
                                 * @default none
                                 * @enum {string}
                                 */
                                mode: "none" | "all" | "sample" | "below_agreement";
                                /** @description For `sample`: the share of tasks reviewed, 0..1. */
                                sample_rate?: number;
                            };
                        };
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    setProjectWorkflow: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The name (URL-encoded when it contains `/`). */
                name: string;
            };
            cookie?: never;
        };
        /** @description Changes to a project's work policy; omitted parts stay as they are. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The new queue priority, -100..100; higher is served first. */
                    priority?: number;
                    /** @description The new quality policy, replacing the old one whole (omitted keys take their defaults): hidden gold rate, pause threshold, training gate, weighted consensus. */
                    quality?: {
                        /**
                         * @description How many evaluation answers a person gives before the pause rule judges them (default 5).
                         * @default 5
                         */
                        gold_min_answers?: number;
                        /**
                         * @description Share of labeling leases that are hidden evaluation tasks, 0–0.5 (default 0.05); gold is served only while real work waits, so it looks like any other task.
                         * @default 0.05
                         */
                        gold_rate?: number;
                        /**
                         * @description Pause an annotator when their mean gold score over the last `gold_window` evaluation answers is below this (0..1), after `gold_min_answers`; null: never.
                         * @default null
                         */
                        gold_threshold?: number | null;
                        /**
                         * @description How many recent evaluation answers the pause rule averages (default 20).
                         * @default 20
                         */
                        gold_window?: number;
                        /**
                         * @description The score (0..1) a training answer needs to count as passed (default 0.8).
                         * @default 0.8
                         */
                        training_pass_score?: number;
                        /**
                         * @description Training tasks to pass before real work (0–100; default 0: no gate). With fewer training tasks than this, all of them.
                         * @default 0
                         */
                        training_required?: number;
                        /**
                         * @description Weigh answers in consensus by each annotator's measured reliability (gold accuracy, else agreement with consensus); default true.
                         * @default true
                         */
                        weighted_consensus?: boolean;
                    };
                    /** @description The new personal-data masking policy, replacing the old one whole (omitted keys take their defaults): whose annotators see masked text (none, vendors, all, plus listed workforces), the kinds masked, the country of national phone numbers and a list of names. Applies to the next lease; a live masked lease whose masked text it changes answers 409 at submit until reloaded. */
                    redaction?: {
                        /**
                         * @description Whose annotators see masked text: none (default), vendors (workforces of kind vendor) or all; listed workforces always do.
                         * @default none
                         * @enum {string}
                         */
                        applies_to?: "none" | "vendors" | "all";
                        /**
                         * @description Country whose national phone numbers are recognised (ISO 3166-1 alpha-2, e.g. US); null: only international numbers.
                         * @default null
                         */
                        default_country?: string | null;
                        /**
                         * @description Kinds of personal data masked: email, card, id, phone, ip, name (default all).
                         * @default [
                         *       "email",
                         *       "card",
                         *       "id",
                         *       "phone",
                         *       "ip",
                         *       "name"
                         *     ]
                         */
                        kinds?: ("email" | "card" | "id" | "phone" | "ip" | "name")[];
                        /**
                         * @description Names to mask (a customer list), matched as whole words ignoring case.
                         * @default []
                         */
                        names?: string[];
                        /**
                         * @description Further workforces (by id) whose annotators see masked text, internal ones included.
                         * @default []
                         */
                        workforces?: string[];
                    };
                    /** @description The new routing, replacing the old one whole: active workforces of the organization, each at most once, with optional shares; required skills. */
                    routing?: {
                        /**
                         * @description Skills an annotator must hold (all of them) to take the work; lowercase slugs.
                         * @default []
                         */
                        skills?: string[];
                        /**
                         * @description The workforces allowed on the project; empty: every workforce of the organization.
                         * @default []
                         */
                        workforces?: {
                            /** @description The workforce's id. */
                            id: string;
                            /** @description Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3). */
                            share?: number;
                        }[];
                    };
                    /** @description The new workflow, replacing the old one whole (omitted keys take their defaults); a new overlap applies to tasks dispatched afterwards. */
                    workflow?: {
                        /**
                         * @description How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).
                         * @default 1800
                         */
                        lease_seconds?: number;
                        /**
                         * @description How many different annotators label each task (1–10).
                         * @default 1
                         */
                        overlap?: number;
                        /**
                         * @description The review stage (default: none).
                         * @default {
                         *       "mode": "none"
                         *     }
                         */
                        review?: {
                            /** @description For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
                            agreement_threshold?: number;
                            /**
                             * @description When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).
                             * @default none
                             * @enum {string}
                             */
                            mode?: "none" | "all" | "sample" | "below_agreement";
                            /** @description For `sample`: the share of tasks reviewed, 0..1. */
                            sample_rate?: number;
                        };
                    };
                };
            };
        };
        responses: {
            /** @description A project's workflow, routing, priority, quality and redaction policy. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Queue priority of the project, -100..100; higher is served first. */
                        priority: number;
                        /** @description Quality policy: hidden gold rate, pause threshold, training gate, weighted consensus. */
                        quality: {
                            /**
                             * @description How many evaluation answers a person gives before the pause rule judges them (default 5).
                             * @default 5
                             */
                            gold_min_answers: number;
                            /**
                             * @description Share of labeling leases that are hidden evaluation tasks, 0–0.5 (default 0.05); gold is served only while real work waits, so it looks like any other task.
                             * @default 0.05
                             */
                            gold_rate: number;
                            /**
                             * @description Pause an annotator when their mean gold score over the last `gold_window` evaluation answers is below this (0..1), after `gold_min_answers`; null: never.
                             * @default null
                             */
                            gold_threshold: number | null;
                            /**
                             * @description How many recent evaluation answers the pause rule averages (default 20).
                             * @default 20
                             */
                            gold_window: number;
                            /**
                             * @description The score (0..1) a training answer needs to count as passed (default 0.8).
                             * @default 0.8
                             */
                            training_pass_score: number;
                            /**
                             * @description Training tasks to pass before real work (0–100; default 0: no gate). With fewer training tasks than this, all of them.
                             * @default 0
                             */
                            training_required: number;
                            /**
                             * @description Weigh answers in consensus by each annotator's measured reliability (gold accuracy, else agreement with consensus); default true.
                             * @default true
                             */
                            weighted_consensus: boolean;
                        };
                        /** @description Personal data masking: whose annotators see emails, phone numbers, card and ID numbers, IP addresses and listed names replaced by placeholders. */
                        redaction: {
                            /**
                             * @description Whose annotators see masked text: none (default), vendors (workforces of kind vendor) or all; listed workforces always do.
                             * @default none
                             * @enum {string}
                             */
                            applies_to: "none" | "vendors" | "all";
                            /**
                             * @description Country whose national phone numbers are recognised (ISO 3166-1 alpha-2, e.g. US); null: only international numbers.
                             * @default null
                             */
                            default_country: string | null;
                            /**
                             * @description Kinds of personal data masked: email, card, id, phone, ip, name (default all).
                             * @default [
                             *       "email",
                             *       "card",
                             *       "id",
                             *       "phone",
                             *       "ip",
                             *       "name"
                             *     ]
                             */
                            kinds: ("email" | "card" | "id" | "phone" | "ip" | "name")[];
                            /**
                             * @description Names to mask (a customer list), matched as whole words ignoring case.
                             * @default []
                             */
                            names: string[];
                            /**
                             * @description Further workforces (by id) whose annotators see masked text, internal ones included.
                             * @default []
                             */
                            workforces: string[];
                        };
                        /** @description Who may work the project: workforces (with shares) and skills. */
                        routing: {
                            /**
                             * @description Skills an annotator must hold (all of them) to take the work; lowercase slugs.
                             * @default []
                             */
                            skills: string[];
                            /**
                             * @description The workforces allowed on the project; empty: every workforce of the organization.
                             * @default []
                             */
                            workforces: {
                                /** @description The workforce's id. */
                                id: string;
                                /** @description Relative share of the slots routed to this workforce (e.g. 0.7 and 0.3). */
                                share?: number;
                            }[];
                        };
                        /** @description How a task becomes human work: overlap, review stage, lease duration. */
                        workflow: {
                            /**
                             * @description How long a lease lasts without a heartbeat, in seconds (30 s – 24 h; default 1800).
                             * @default 1800
                             */
                            lease_seconds: number;
                            /**
                             * @description How many different annotators label each task (1–10).
                             * @default 1
                             */
                            overlap: number;
                            /**
                             * @description The review stage (default: none).
                             * @default {
                             *       "mode": "none"
                             *     }
                             */
                            review: {
                                /** @description For `below_agreement`: tasks whose agreement is below this (0..1) are reviewed. */
                                agreement_threshold?: number;
                                /**
                                 * @description When a labeled task goes to a reviewer: `none`, `all`, `sample` (a share, `sample_rate`) or `below_agreement` (agreement under `agreement_threshold`).
                                 * @default none
                                 * @enum {string}
                                 */
                                mode: "none" | "all" | "sample" | "below_agreement";
                                /** @description For `sample`: the share of tasks reviewed, 0..1. */
                                sample_rate?: number;
                            };
                        };
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getScorecards: {
        parameters: {
            query?: {
                /** @description `annotator` (default): one scorecard per person; `workforce`: the answers given for each workforce pooled. */
                by?: "annotator" | "workforce";
                /** @description Start of the period, inclusive (ISO 8601; default: 30 days before `until`). */
                since?: string;
                /** @description End of the period, exclusive (ISO 8601; default: now). */
                until?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Scorecards. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description With `by=annotator`: one per person, by email; else null. */
                        annotators: {
                            /** @description Agreement with the final result. */
                            agreementWithConsensus: {
                                /** @description Labeling answers of completed tasks whose final round had two or more answers (a lone answer is the result, so it says nothing). */
                                answers: number;
                                /** @description Mean of the type’s score of each answer against the task’s final response, 0..1. */
                                meanScore: number | null;
                            };
                            /** @description Every check that had their data, flagged or not. */
                            checks: {
                                /**
                                 * @description `fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).
                                 * @enum {string}
                                 */
                                check: "fast_answers" | "side_bias" | "length_bias" | "transitivity";
                                /** @description The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators. */
                                figures: {
                                    [key: string]: number | null;
                                };
                                /** @description Whether the check flagged them. */
                                flagged: boolean;
                                /** @description The project whose answers were checked. */
                                project: string;
                                /** @description Why, in plain English; null when not flagged. */
                                reason: string | null;
                            }[];
                            /** @description Their email address (null when no longer a member). */
                            email: string | null;
                            /** @description The checks that flagged them. */
                            flags: {
                                /**
                                 * @description `fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).
                                 * @enum {string}
                                 */
                                check: "fast_answers" | "side_bias" | "length_bias" | "transitivity";
                                /** @description The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators. */
                                figures: {
                                    [key: string]: number | null;
                                };
                                /** @description Whether the check flagged them. */
                                flagged: boolean;
                                /** @description The project whose answers were checked. */
                                project: string;
                                /** @description Why, in plain English; null when not flagged. */
                                reason: string | null;
                            }[];
                            /** @description Hidden gold results. */
                            gold: {
                                /** @description Hidden evaluation answers submitted in the period. */
                                answers: number;
                                /** @description 95 % interval of the mean score (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Their mean score, 0..1 (null without answers). */
                                meanScore: number | null;
                            };
                            /** @description Their name. */
                            name: string | null;
                            /** @description What reviewers said of the rounds they labeled. */
                            reviewAcceptance: {
                                /** @description Accepted as labeled. */
                                accepted: number;
                                /** @description Accepted with a correction. */
                                fixed: number;
                                /** @description (accepted + fixed) / reviewed; null when nothing was reviewed. */
                                rate: number | null;
                                /** @description Sent back to labeling. */
                                rejected: number;
                                /** @description Reviewer verdicts in the period on rounds they labeled. */
                                reviewed: number;
                            };
                            /** @description Their standings with the projects in scope (those recorded). */
                            standings: {
                                /** @description Set while they may not work the project. */
                                paused: {
                                    /**
                                     * Format: date-time
                                     * @description Since when.
                                     */
                                    at: string;
                                    /**
                                     * @description Why: gold, training, or a manager.
                                     * @enum {string}
                                     */
                                    by: "gold" | "training" | "manager";
                                    /** @description The reason, as shown to the person. */
                                    reason: string;
                                } | null;
                                /** @description Project name. */
                                project: string;
                                /** @description The weight of their answers in consensus, 0..1. */
                                reliability: number | null;
                                /** @description Where the reliability comes from. */
                                reliabilitySource: ("gold" | "consensus") | null;
                            }[];
                            /** @description How much labeling work, how fast. */
                            throughput: {
                                /** @description Labeling answers submitted in the period. */
                                answers: number;
                                /** @description Median time spent per answer, in ms (null without answers). */
                                medianTimeMs: number | null;
                                /** @description answers / the period’s length in days. */
                                perDay: number;
                            };
                            /** @description The person. */
                            userId: string;
                            /** @description Their current workforce (null: unassigned). */
                            workforce: {
                                /** @description Workforce id. */
                                id: string;
                                /** @description Workforce name. */
                                name: string;
                            } | null;
                        }[] | null;
                        /** @description Most labeling answers (and, apart, gold answers) read. */
                        answerLimit: number;
                        /**
                         * @description Per annotator or per workforce.
                         * @enum {string}
                         */
                        by: "annotator" | "workforce";
                        /** @description The projects covered, by name. */
                        projects: string[];
                        /**
                         * Format: date-time
                         * @description Start of the period (inclusive).
                         */
                        since: string;
                        /** @description Whether the period had more labeling or gold answers than `answerLimit`; then only the newest count. */
                        truncated: boolean;
                        /**
                         * Format: date-time
                         * @description End of the period (exclusive).
                         */
                        until: string;
                        /** @description With `by=workforce`: one per workforce, by name, then answers without one; else null. */
                        workforces: {
                            /** @description Agreement with the final result. */
                            agreementWithConsensus: {
                                /** @description Labeling answers of completed tasks whose final round had two or more answers (a lone answer is the result, so it says nothing). */
                                answers: number;
                                /** @description Mean of the type’s score of each answer against the task’s final response, 0..1. */
                                meanScore: number | null;
                            };
                            /** @description People with answers, gold answers or reviewed rounds for it in the period. */
                            annotators: number;
                            /** @description Every check that had their data, flagged or not. */
                            checks: {
                                /**
                                 * @description `fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).
                                 * @enum {string}
                                 */
                                check: "fast_answers" | "side_bias" | "length_bias" | "transitivity";
                                /** @description The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators. */
                                figures: {
                                    [key: string]: number | null;
                                };
                                /** @description Whether the check flagged them. */
                                flagged: boolean;
                                /** @description The project whose answers were checked. */
                                project: string;
                                /** @description Why, in plain English; null when not flagged. */
                                reason: string | null;
                            }[];
                            /** @description The checks that flagged them. */
                            flags: {
                                /**
                                 * @description `fast_answers`: too many answers faster than a quarter of the project’s median time; `side_bias`: picks the option shown first (or second) more than chance; `length_bias`: prefers the longer response more than the other annotators do; `transitivity`: circular preferences (A over B, B over C, C over A).
                                 * @enum {string}
                                 */
                                check: "fast_answers" | "side_bias" | "length_bias" | "transitivity";
                                /** @description The check’s figures: `fast_answers` answers, fast, share, medianMs, thresholdMs; `side_bias` answers, firstChosen, share, pValue, ties; `length_bias` answers, longerChosen, share, crowdAnswers, crowdShare, pValue, ties, equalLength; `transitivity` comparisons, triads, cycles, rate, tiedTriads. A workforce’s checks: annotators, flaggedAnnotators. */
                                figures: {
                                    [key: string]: number | null;
                                };
                                /** @description Whether the check flagged them. */
                                flagged: boolean;
                                /** @description The project whose answers were checked. */
                                project: string;
                                /** @description Why, in plain English; null when not flagged. */
                                reason: string | null;
                            }[];
                            /** @description Hidden gold results. */
                            gold: {
                                /** @description Hidden evaluation answers submitted in the period. */
                                answers: number;
                                /** @description 95 % interval of the mean score (percentile bootstrap, 1000 resamples, seeded: the same data gives the same interval); null without data. */
                                interval: {
                                    /** @description Upper bound: the 97.5 % quantile. */
                                    high: number;
                                    /** @description Lower bound: the 2.5 % quantile of the resampled statistic. */
                                    low: number;
                                } | null;
                                /** @description Their mean score, 0..1 (null without answers). */
                                meanScore: number | null;
                            };
                            /** @description Of them, how many are paused from a project in scope. */
                            pausedAnnotators: number;
                            /** @description What reviewers said of the rounds they labeled. */
                            reviewAcceptance: {
                                /** @description Accepted as labeled. */
                                accepted: number;
                                /** @description Accepted with a correction. */
                                fixed: number;
                                /** @description (accepted + fixed) / reviewed; null when nothing was reviewed. */
                                rate: number | null;
                                /** @description Sent back to labeling. */
                                rejected: number;
                                /** @description Reviewer verdicts in the period on rounds they labeled. */
                                reviewed: number;
                            };
                            /** @description How much labeling work, how fast. */
                            throughput: {
                                /** @description Labeling answers submitted in the period. */
                                answers: number;
                                /** @description Median time spent per answer, in ms (null without answers). */
                                medianTimeMs: number | null;
                                /** @description answers / the period’s length in days. */
                                perDay: number;
                            };
                            /** @description The workforce (null: answers given without one). */
                            workforce: {
                                /** @description Workforce id. */
                                id: string;
                                /** @description Workforce name. */
                                name: string;
                            } | null;
                        }[] | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of sessions. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The sessions. */
                        items: {
                            /**
                             * Format: date-time
                             * @description When the session started (sign-in).
                             */
                            createdAt: string;
                            /** @description Whether this is the session of the request. */
                            current: boolean;
                            /**
                             * Format: date-time
                             * @description When the session ends at the latest (it also ends after 12 hours unused).
                             */
                            expiresAt: string;
                            /** @description Session id. */
                            id: string;
                            /** @description The client address the session signed in from. */
                            ip: string | null;
                            /**
                             * Format: date-time
                             * @description When the session was last used (updated at most once a minute).
                             */
                            lastSeenAt: string;
                            /** @description The User-Agent of the browser that signed in. */
                            userAgent: string | null;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    endOtherSessions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sessions ended. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many sessions were ended. */
                        ended: number;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    endSession: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sessions ended. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description How many sessions were ended. */
                        ended: number;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listTasks: {
        parameters: {
            query?: {
                /** @description Only tasks of this project. */
                project?: string;
                /** @description Only tasks of this batch. */
                batch?: string;
                /** @description Only tasks with this status. */
                status?: "pending" | "completed" | "canceled" | "error";
                /** @description Only tasks of this type. */
                type?: string;
                /** @description Only tasks created at or after this time (ISO 8601). */
                createdAfter?: string;
                /** @description Only tasks created at or before this time (ISO 8601). */
                createdBefore?: string;
                /** @description Largest number of tasks to return (1–100, default 100). */
                limit?: number;
                /** @description The `nextCursor` of the previous page; omitted for the first page. */
                cursor?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A page of tasks. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The tasks of this page. */
                        items: {
                            /** @description Customer audits of the task, oldest first. */
                            audits: {
                                /** @description Seconds the audit took, if known. */
                                auditTimeSecs: number | null;
                                /**
                                 * Format: date-time
                                 * @description When the task was audited.
                                 */
                                auditedAt: string;
                                /** @description Who audited the task. */
                                auditedBy: string;
                                /** @description Comments of the auditor. */
                                comments: string | null;
                                /**
                                 * @description The verdict.
                                 * @enum {string}
                                 */
                                result: "accepted" | "rejected" | "fixed";
                                /**
                                 * @description Who made the audit.
                                 * @enum {string}
                                 */
                                source: "customer" | "scale";
                            }[];
                            /** @description Name of the batch the task belongs to, if any. */
                            batch: string | null;
                            /** @description Whether the completion callback was delivered. */
                            callbackSucceeded: boolean | null;
                            /** @description URL or email notified when the task completes. */
                            callbackUrl: string | null;
                            /** @description When the task was completed. */
                            completedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the task was created.
                             */
                            createdAt: string;
                            /** @description Outcome of the latest customer audit, if any. */
                            customerReviewStatus: string | null;
                            /** @description Task id. */
                            id: string;
                            /** @description Markdown instruction shown to the labeler. */
                            instruction: string | null;
                            /** @description Whether the task belongs to the test environment. */
                            isTest: boolean;
                            /** @description Free-form metadata of the task. */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description The task params after merging the project defaults and validation. */
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description Priority; higher is served first. */
                            priority: number;
                            /** @description Name of the project the task belongs to. */
                            project: string | null;
                            /** @description The answer, once the task is completed; `null` before. */
                            response: unknown;
                            /**
                             * @description Lifecycle status of the task.
                             * @enum {string}
                             */
                            status: "pending" | "completed" | "canceled" | "error";
                            /** @description Tags of the task. */
                            tags: string[];
                            /** @description Task type, e.g. `categorization`. */
                            type: string;
                            /** @description Caller-chosen unique id of the task, if any. */
                            uniqueId: string | null;
                            /**
                             * Format: date-time
                             * @description When the task last changed.
                             */
                            updatedAt: string;
                        }[];
                        /** @description Cursor of the next page; `null` on the last page. */
                        nextCursor: string | null;
                        /** @description Number of tasks matching the filters. */
                        total: number;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    importTasks: {
        parameters: {
            query: {
                /** @description Task type of every row, e.g. `categorization`. */
                type: string;
                /** @description Project of rows that name neither a project nor a batch. */
                project?: string;
                /** @description Batch of rows that name neither a project nor a batch. */
                batch?: string;
                /** @description How the body is written; default from the Content-Type (`text/csv` → `csv`, else `ndjson`). */
                format?: "ndjson" | "csv";
                /** @description `all` (default): any bad row fails the whole import and nothing is written; `partial`: good rows are created, bad rows are reported in `problems`. */
                mode?: "all" | "partial";
                /** @description `error` (default): a row whose unique_id is taken is a bad row; `skip`: it is counted as `skipped` (for idempotent re-runs and resumed imports). */
                onDuplicate?: "error" | "skip";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description NDJSON: one task per line as a JSON object with the fields of Scale's task creation (`attachment`, `project`, `batch`, `unique_id`, `metadata`, ...); blank lines are skipped. CSV: a header row naming the fields — `attachment`, `unique_id`, `instruction`, `priority`, `callback_url`, `batch`, `project`, `tags` (`;`-separated), `metadata` (a JSON object), `metadata.<key>`, and `params.<key>` or any other column for the type's params (e.g. `categories`); a params or metadata cell starting with `[` or `{` is read as JSON, an empty cell is left out. */
        requestBody: {
            content: {
                "application/x-ndjson": string;
                "text/csv": string;
            };
        };
        responses: {
            /** @description The outcome of an import. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Number of tasks created. */
                        created: number;
                        /** @description Bad rows, not created (`mode=partial`; 0 otherwise). */
                        failed: number;
                        /** @description Id of the first task created. */
                        firstTaskId: string | null;
                        /** @description Id of the last task created. */
                        lastTaskId: string | null;
                        /** @description Problems of the bad rows in line order, the first 1,000. */
                        problems: {
                            /** @description Line of the bad row in the body, from 1 (a CSV header is line 1). */
                            line: number;
                            /** @description What is wrong. */
                            message: string;
                            /** @description The field (or CSV column) at fault; empty for the whole row. */
                            path: string;
                        }[];
                        /** @description Rows not created because their unique_id already exists (`onDuplicate=skip`). */
                        skipped: number;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A unit of annotation work. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Customer audits of the task, oldest first. */
                        audits: {
                            /** @description Seconds the audit took, if known. */
                            auditTimeSecs: number | null;
                            /**
                             * Format: date-time
                             * @description When the task was audited.
                             */
                            auditedAt: string;
                            /** @description Who audited the task. */
                            auditedBy: string;
                            /** @description Comments of the auditor. */
                            comments: string | null;
                            /**
                             * @description The verdict.
                             * @enum {string}
                             */
                            result: "accepted" | "rejected" | "fixed";
                            /**
                             * @description Who made the audit.
                             * @enum {string}
                             */
                            source: "customer" | "scale";
                        }[];
                        /** @description Name of the batch the task belongs to, if any. */
                        batch: string | null;
                        /** @description Whether the completion callback was delivered. */
                        callbackSucceeded: boolean | null;
                        /** @description URL or email notified when the task completes. */
                        callbackUrl: string | null;
                        /** @description When the task was completed. */
                        completedAt: string | null;
                        /**
                         * Format: date-time
                         * @description When the task was created.
                         */
                        createdAt: string;
                        /** @description Outcome of the latest customer audit, if any. */
                        customerReviewStatus: string | null;
                        /** @description Task id. */
                        id: string;
                        /** @description Markdown instruction shown to the labeler. */
                        instruction: string | null;
                        /** @description Whether the task belongs to the test environment. */
                        isTest: boolean;
                        /** @description Free-form metadata of the task. */
                        metadata: {
                            [key: string]: unknown;
                        };
                        /** @description The task params after merging the project defaults and validation. */
                        params: {
                            [key: string]: unknown;
                        };
                        /** @description Priority; higher is served first. */
                        priority: number;
                        /** @description Name of the project the task belongs to. */
                        project: string | null;
                        /** @description The answer, once the task is completed; `null` before. */
                        response: unknown;
                        /**
                         * @description Lifecycle status of the task.
                         * @enum {string}
                         */
                        status: "pending" | "completed" | "canceled" | "error";
                        /** @description Tags of the task. */
                        tags: string[];
                        /** @description Task type, e.g. `categorization`. */
                        type: string;
                        /** @description Caller-chosen unique id of the task, if any. */
                        uniqueId: string | null;
                        /**
                         * Format: date-time
                         * @description When the task last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    auditTask: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The customer’s verdict. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description `true` accepts the result; `false` rejects it (it goes back to labeling). */
                    accepted: boolean;
                    /** @description What the auditor says; shown to the annotators of a rejected round. */
                    comments?: string | null;
                };
            };
        };
        responses: {
            /** @description Everything that happened to a task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every assignment (labeling and review, every round), in the order leased. */
                        assignments: {
                            /** @description A person. */
                            annotator: {
                                /** @description Their email address (null when no longer a member). */
                                email: string | null;
                                /** @description User id. */
                                id: string;
                                /** @description Their name (null when no longer a member). */
                                name: string | null;
                            };
                            /** @description For side-by-side items: the order they were shown in (answers use the task’s order). */
                            displayOrder: number[] | null;
                            /** @description The reviewer’s comment when this answer was rejected. */
                            feedback: string | null;
                            /** @description Assignment id. */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the lease ends or ended.
                             */
                            leaseExpiresAt: string;
                            /**
                             * Format: date-time
                             * @description When they took the slot.
                             */
                            leasedAt: string;
                            /** @description Their answer (null unless submitted, and for review verdicts). */
                            response: unknown;
                            /** @description Labeling round. */
                            round: number;
                            /** @description Why they skipped it. */
                            skipReason: string | null;
                            /** @description Slot within the round (1..overlap). */
                            slot: number;
                            /**
                             * @description Labeling answer, or review verdict.
                             * @enum {string}
                             */
                            stage: "label" | "review";
                            /**
                             * @description `submitted`, or how the lease ended without an answer (or `leased` while held).
                             * @enum {string}
                             */
                            status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                            /** @description When they submitted. */
                            submittedAt: string | null;
                            /** @description Milliseconds they spent, as the workbench measured it. */
                            timeSpentMs: number | null;
                            /** @description The workforce they worked for, if any. */
                            workforce: {
                                /** @description Workforce id. */
                                id: string;
                                /** @description Its name. */
                                name: string | null;
                            } | null;
                        }[];
                        /** @description Customer audits, oldest first. */
                        audits: {
                            /** @description Seconds the audit took, if known. */
                            auditTimeSecs: number | null;
                            /**
                             * Format: date-time
                             * @description When the task was audited.
                             */
                            auditedAt: string;
                            /** @description Who audited the task. */
                            auditedBy: string;
                            /** @description Comments of the auditor. */
                            comments: string | null;
                            /**
                             * @description The verdict.
                             * @enum {string}
                             */
                            result: "accepted" | "rejected" | "fixed";
                            /**
                             * @description Who made the audit.
                             * @enum {string}
                             */
                            source: "customer" | "scale";
                        }[];
                        /** @description Webhook deliveries about the task, oldest first. */
                        deliveries: {
                            /** @description Attempts made so far. */
                            attemptCount: number;
                            /** @description The batch the event is about (or the task belongs to), if any. */
                            batchId: string | null;
                            /**
                             * Format: date-time
                             * @description When the event happened and the delivery was queued.
                             */
                            createdAt: string;
                            /** @description When the receiver accepted it. */
                            deliveredAt: string | null;
                            /** @description What happened: `task.completed`, `task.error` or `batch.completed`. */
                            event: string;
                            /** @description Delivery id, sent as `x-groundwork-delivery`. */
                            id: string;
                            /** @description Whether the delivery belongs to the test environment. */
                            isTest: boolean;
                            /** @description When the latest attempt started. */
                            lastAttemptAt: string | null;
                            /** @description Why the latest attempt failed, if it did. */
                            lastError: string | null;
                            /** @description HTTP status of the latest answer; `null` if none came. */
                            lastStatusCode: number | null;
                            /** @description When the next attempt is due, while pending. */
                            nextAttemptAt: string | null;
                            /**
                             * @description `pending` until the receiver answers 2xx (`succeeded`) or every attempt failed (`failed`).
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed";
                            /** @description The task the event is about, if any. */
                            taskId: string | null;
                            /** @description Where the webhook is POSTed. */
                            url: string;
                        }[];
                        /** @description Everything above as one list, in the order it happened. */
                        events: {
                            /** @description Who did it, if anyone. */
                            actor: {
                                /** @description User or API key id. */
                                id: string | null;
                                /** @description Their name. */
                                name: string | null;
                                /**
                                 * @description A person, an API key, or the server.
                                 * @enum {string}
                                 */
                                type: "user" | "api_key" | "system";
                            } | null;
                            /** @description The assignment it is about. */
                            assignmentId: string | null;
                            /**
                             * Format: date-time
                             * @description When it happened.
                             */
                            at: string;
                            /** @description The delivery it is about. */
                            deliveryId: string | null;
                            /**
                             * @description What happened.
                             * @enum {string}
                             */
                            kind: "task.created" | "assignment.leased" | "assignment.submitted" | "assignment.expired" | "review.accepted" | "review.fixed" | "review.rejected" | "audit.accepted" | "audit.rejected" | "task.completed" | "delivery.queued" | "delivery.succeeded" | "delivery.failed";
                            /** @description The review it is about. */
                            reviewId: string | null;
                            /** @description The labeling round it belongs to, if any. */
                            round: number | null;
                            /** @description One line saying what happened. */
                            summary: string;
                        }[];
                        /** @description The result. */
                        final: {
                            /** @description Agreement of the current round’s answers, 0..1. */
                            agreement: number | null;
                            /** @description The labeling stage’s consensus of the current round (what review judges), or null. */
                            consensus: unknown;
                            /** @description The final response (null until completed). */
                            response: unknown;
                        };
                        /** @description Review verdicts and customer audits, oldest first. */
                        reviews: {
                            /** @description The review assignment, for verdicts of the review queue. */
                            assignmentId: string | null;
                            /** @description What they said. */
                            comment: string | null;
                            /**
                             * Format: date-time
                             * @description When it was given.
                             */
                            createdAt: string;
                            /** @description Review id. */
                            id: string;
                            /** @description The corrected answer of a `fix` (null otherwise). */
                            response: unknown;
                            /** @description Who gave it. */
                            reviewer: {
                                /** @description The person’s email (null for keys). */
                                email: string | null;
                                /** @description User or API key id. */
                                id: string | null;
                                /** @description The person’s or key’s name. */
                                name: string | null;
                                /**
                                 * @description A person, or an API key.
                                 * @enum {string}
                                 */
                                type: "user" | "api_key";
                            };
                            /** @description The labeling round it judged. */
                            round: number;
                            /**
                             * @description A reviewer of the workflow, or the customer’s audit.
                             * @enum {string}
                             */
                            source: "reviewer" | "customer";
                            /**
                             * @description The verdict.
                             * @enum {string}
                             */
                            verdict: "accept" | "fix" | "reject";
                        }[];
                        /** @description A task with its workflow state. */
                        task: {
                            /** @description Agreement of the labeling answers, 0..1 (null until consensus). */
                            agreement: number | null;
                            /** @description Customer audits of the task, oldest first. */
                            audits: {
                                /** @description Seconds the audit took, if known. */
                                auditTimeSecs: number | null;
                                /**
                                 * Format: date-time
                                 * @description When the task was audited.
                                 */
                                auditedAt: string;
                                /** @description Who audited the task. */
                                auditedBy: string;
                                /** @description Comments of the auditor. */
                                comments: string | null;
                                /**
                                 * @description The verdict.
                                 * @enum {string}
                                 */
                                result: "accepted" | "rejected" | "fixed";
                                /**
                                 * @description Who made the audit.
                                 * @enum {string}
                                 */
                                source: "customer" | "scale";
                            }[];
                            /** @description Name of the batch the task belongs to, if any. */
                            batch: string | null;
                            /** @description Whether the completion callback was delivered. */
                            callbackSucceeded: boolean | null;
                            /** @description URL or email notified when the task completes. */
                            callbackUrl: string | null;
                            /** @description When the task was completed. */
                            completedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the task was created.
                             */
                            createdAt: string;
                            /** @description Outcome of the latest customer audit, if any. */
                            customerReviewStatus: string | null;
                            /** @description Task id. */
                            id: string;
                            /** @description Markdown instruction shown to the labeler. */
                            instruction: string | null;
                            /** @description Whether the task belongs to the test environment. */
                            isTest: boolean;
                            /** @description Free-form metadata of the task. */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description The task params after merging the project defaults and validation. */
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description The project params version the task was created under (null for tasks older than versions). */
                            paramsVersion: number | null;
                            /** @description Priority; higher is served first. */
                            priority: number;
                            /** @description Name of the project the task belongs to. */
                            project: string | null;
                            /** @description The answer, once the task is completed; `null` before. */
                            response: unknown;
                            /** @description Labeling round: 1, plus one per rejection. */
                            round: number;
                            /**
                             * @description Where the task is in its workflow: `label`ing, `review`, or `done` (a terminal status).
                             * @enum {string}
                             */
                            stage: "label" | "review" | "done";
                            /**
                             * @description Lifecycle status of the task.
                             * @enum {string}
                             */
                            status: "pending" | "completed" | "canceled" | "error";
                            /** @description Tags of the task. */
                            tags: string[];
                            /** @description Task type, e.g. `categorization`. */
                            type: string;
                            /** @description Caller-chosen unique id of the task, if any. */
                            uniqueId: string | null;
                            /**
                             * Format: date-time
                             * @description When the task last changed.
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getTaskTimeline: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Everything that happened to a task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Every assignment (labeling and review, every round), in the order leased. */
                        assignments: {
                            /** @description A person. */
                            annotator: {
                                /** @description Their email address (null when no longer a member). */
                                email: string | null;
                                /** @description User id. */
                                id: string;
                                /** @description Their name (null when no longer a member). */
                                name: string | null;
                            };
                            /** @description For side-by-side items: the order they were shown in (answers use the task’s order). */
                            displayOrder: number[] | null;
                            /** @description The reviewer’s comment when this answer was rejected. */
                            feedback: string | null;
                            /** @description Assignment id. */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the lease ends or ended.
                             */
                            leaseExpiresAt: string;
                            /**
                             * Format: date-time
                             * @description When they took the slot.
                             */
                            leasedAt: string;
                            /** @description Their answer (null unless submitted, and for review verdicts). */
                            response: unknown;
                            /** @description Labeling round. */
                            round: number;
                            /** @description Why they skipped it. */
                            skipReason: string | null;
                            /** @description Slot within the round (1..overlap). */
                            slot: number;
                            /**
                             * @description Labeling answer, or review verdict.
                             * @enum {string}
                             */
                            stage: "label" | "review";
                            /**
                             * @description `submitted`, or how the lease ended without an answer (or `leased` while held).
                             * @enum {string}
                             */
                            status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                            /** @description When they submitted. */
                            submittedAt: string | null;
                            /** @description Milliseconds they spent, as the workbench measured it. */
                            timeSpentMs: number | null;
                            /** @description The workforce they worked for, if any. */
                            workforce: {
                                /** @description Workforce id. */
                                id: string;
                                /** @description Its name. */
                                name: string | null;
                            } | null;
                        }[];
                        /** @description Customer audits, oldest first. */
                        audits: {
                            /** @description Seconds the audit took, if known. */
                            auditTimeSecs: number | null;
                            /**
                             * Format: date-time
                             * @description When the task was audited.
                             */
                            auditedAt: string;
                            /** @description Who audited the task. */
                            auditedBy: string;
                            /** @description Comments of the auditor. */
                            comments: string | null;
                            /**
                             * @description The verdict.
                             * @enum {string}
                             */
                            result: "accepted" | "rejected" | "fixed";
                            /**
                             * @description Who made the audit.
                             * @enum {string}
                             */
                            source: "customer" | "scale";
                        }[];
                        /** @description Webhook deliveries about the task, oldest first. */
                        deliveries: {
                            /** @description Attempts made so far. */
                            attemptCount: number;
                            /** @description The batch the event is about (or the task belongs to), if any. */
                            batchId: string | null;
                            /**
                             * Format: date-time
                             * @description When the event happened and the delivery was queued.
                             */
                            createdAt: string;
                            /** @description When the receiver accepted it. */
                            deliveredAt: string | null;
                            /** @description What happened: `task.completed`, `task.error` or `batch.completed`. */
                            event: string;
                            /** @description Delivery id, sent as `x-groundwork-delivery`. */
                            id: string;
                            /** @description Whether the delivery belongs to the test environment. */
                            isTest: boolean;
                            /** @description When the latest attempt started. */
                            lastAttemptAt: string | null;
                            /** @description Why the latest attempt failed, if it did. */
                            lastError: string | null;
                            /** @description HTTP status of the latest answer; `null` if none came. */
                            lastStatusCode: number | null;
                            /** @description When the next attempt is due, while pending. */
                            nextAttemptAt: string | null;
                            /**
                             * @description `pending` until the receiver answers 2xx (`succeeded`) or every attempt failed (`failed`).
                             * @enum {string}
                             */
                            status: "pending" | "succeeded" | "failed";
                            /** @description The task the event is about, if any. */
                            taskId: string | null;
                            /** @description Where the webhook is POSTed. */
                            url: string;
                        }[];
                        /** @description Everything above as one list, in the order it happened. */
                        events: {
                            /** @description Who did it, if anyone. */
                            actor: {
                                /** @description User or API key id. */
                                id: string | null;
                                /** @description Their name. */
                                name: string | null;
                                /**
                                 * @description A person, an API key, or the server.
                                 * @enum {string}
                                 */
                                type: "user" | "api_key" | "system";
                            } | null;
                            /** @description The assignment it is about. */
                            assignmentId: string | null;
                            /**
                             * Format: date-time
                             * @description When it happened.
                             */
                            at: string;
                            /** @description The delivery it is about. */
                            deliveryId: string | null;
                            /**
                             * @description What happened.
                             * @enum {string}
                             */
                            kind: "task.created" | "assignment.leased" | "assignment.submitted" | "assignment.expired" | "review.accepted" | "review.fixed" | "review.rejected" | "audit.accepted" | "audit.rejected" | "task.completed" | "delivery.queued" | "delivery.succeeded" | "delivery.failed";
                            /** @description The review it is about. */
                            reviewId: string | null;
                            /** @description The labeling round it belongs to, if any. */
                            round: number | null;
                            /** @description One line saying what happened. */
                            summary: string;
                        }[];
                        /** @description The result. */
                        final: {
                            /** @description Agreement of the current round’s answers, 0..1. */
                            agreement: number | null;
                            /** @description The labeling stage’s consensus of the current round (what review judges), or null. */
                            consensus: unknown;
                            /** @description The final response (null until completed). */
                            response: unknown;
                        };
                        /** @description Review verdicts and customer audits, oldest first. */
                        reviews: {
                            /** @description The review assignment, for verdicts of the review queue. */
                            assignmentId: string | null;
                            /** @description What they said. */
                            comment: string | null;
                            /**
                             * Format: date-time
                             * @description When it was given.
                             */
                            createdAt: string;
                            /** @description Review id. */
                            id: string;
                            /** @description The corrected answer of a `fix` (null otherwise). */
                            response: unknown;
                            /** @description Who gave it. */
                            reviewer: {
                                /** @description The person’s email (null for keys). */
                                email: string | null;
                                /** @description User or API key id. */
                                id: string | null;
                                /** @description The person’s or key’s name. */
                                name: string | null;
                                /**
                                 * @description A person, or an API key.
                                 * @enum {string}
                                 */
                                type: "user" | "api_key";
                            };
                            /** @description The labeling round it judged. */
                            round: number;
                            /**
                             * @description A reviewer of the workflow, or the customer’s audit.
                             * @enum {string}
                             */
                            source: "reviewer" | "customer";
                            /**
                             * @description The verdict.
                             * @enum {string}
                             */
                            verdict: "accept" | "fix" | "reject";
                        }[];
                        /** @description A task with its workflow state. */
                        task: {
                            /** @description Agreement of the labeling answers, 0..1 (null until consensus). */
                            agreement: number | null;
                            /** @description Customer audits of the task, oldest first. */
                            audits: {
                                /** @description Seconds the audit took, if known. */
                                auditTimeSecs: number | null;
                                /**
                                 * Format: date-time
                                 * @description When the task was audited.
                                 */
                                auditedAt: string;
                                /** @description Who audited the task. */
                                auditedBy: string;
                                /** @description Comments of the auditor. */
                                comments: string | null;
                                /**
                                 * @description The verdict.
                                 * @enum {string}
                                 */
                                result: "accepted" | "rejected" | "fixed";
                                /**
                                 * @description Who made the audit.
                                 * @enum {string}
                                 */
                                source: "customer" | "scale";
                            }[];
                            /** @description Name of the batch the task belongs to, if any. */
                            batch: string | null;
                            /** @description Whether the completion callback was delivered. */
                            callbackSucceeded: boolean | null;
                            /** @description URL or email notified when the task completes. */
                            callbackUrl: string | null;
                            /** @description When the task was completed. */
                            completedAt: string | null;
                            /**
                             * Format: date-time
                             * @description When the task was created.
                             */
                            createdAt: string;
                            /** @description Outcome of the latest customer audit, if any. */
                            customerReviewStatus: string | null;
                            /** @description Task id. */
                            id: string;
                            /** @description Markdown instruction shown to the labeler. */
                            instruction: string | null;
                            /** @description Whether the task belongs to the test environment. */
                            isTest: boolean;
                            /** @description Free-form metadata of the task. */
                            metadata: {
                                [key: string]: unknown;
                            };
                            /** @description The task params after merging the project defaults and validation. */
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description The project params version the task was created under (null for tasks older than versions). */
                            paramsVersion: number | null;
                            /** @description Priority; higher is served first. */
                            priority: number;
                            /** @description Name of the project the task belongs to. */
                            project: string | null;
                            /** @description The answer, once the task is completed; `null` before. */
                            response: unknown;
                            /** @description Labeling round: 1, plus one per rejection. */
                            round: number;
                            /**
                             * @description Where the task is in its workflow: `label`ing, `review`, or `done` (a terminal status).
                             * @enum {string}
                             */
                            stage: "label" | "review" | "done";
                            /**
                             * @description Lifecycle status of the task.
                             * @enum {string}
                             */
                            status: "pending" | "completed" | "canceled" | "error";
                            /** @description Tags of the task. */
                            tags: string[];
                            /** @description Task type, e.g. `categorization`. */
                            type: string;
                            /** @description Caller-chosen unique id of the task, if any. */
                            uniqueId: string | null;
                            /**
                             * Format: date-time
                             * @description When the task last changed.
                             */
                            updatedAt: string;
                        };
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listMyAssignments: {
        parameters: {
            query?: {
                /** @description Only assignments with this status. */
                status?: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                /** @description `true`: only assignments with a reviewer’s feedback. */
                feedback?: "true" | "false";
                /** @description Largest number returned (1–100, default 50). */
                limit?: number;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Assignments. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The assignments. */
                        items: {
                            /** @description For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order. */
                            displayOrder: number[] | null;
                            /** @description A reviewer's comment when this answer was rejected. */
                            feedback: string | null;
                            /** @description Assignment id. */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the lease ends unless extended by a heartbeat.
                             */
                            leaseExpiresAt: string;
                            /**
                             * Format: date-time
                             * @description When the lease started.
                             */
                            leasedAt: string;
                            /** @description The task's project. */
                            projectId: string;
                            /** @description The submitted answer (for reviews: the verdict). */
                            response: unknown;
                            /** @description The labeling round (1, then one more after each rejection). */
                            round: number;
                            /** @description Why it was skipped. */
                            skipReason: string | null;
                            /** @description Which of the stage’s slots (1..overlap). */
                            slot: number;
                            /**
                             * @description Labeling or review.
                             * @enum {string}
                             */
                            stage: "label" | "review";
                            /**
                             * @description `leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.
                             * @enum {string}
                             */
                            status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                            /** @description When the answer was submitted. */
                            submittedAt: string | null;
                            /** @description The task. */
                            taskId: string;
                            /** @description Time spent on it, in milliseconds. */
                            timeSpentMs: number | null;
                            /** @description The person it is leased to. */
                            userId: string;
                            /** @description The person's workforce when leased. */
                            workforceId: string | null;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getMyAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A leased assignment and its task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An assignment. */
                        assignment: {
                            /** @description For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order. */
                            displayOrder: number[] | null;
                            /** @description A reviewer's comment when this answer was rejected. */
                            feedback: string | null;
                            /** @description Assignment id. */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the lease ends unless extended by a heartbeat.
                             */
                            leaseExpiresAt: string;
                            /**
                             * Format: date-time
                             * @description When the lease started.
                             */
                            leasedAt: string;
                            /** @description The task's project. */
                            projectId: string;
                            /** @description The submitted answer (for reviews: the verdict). */
                            response: unknown;
                            /** @description The labeling round (1, then one more after each rejection). */
                            round: number;
                            /** @description Why it was skipped. */
                            skipReason: string | null;
                            /** @description Which of the stage’s slots (1..overlap). */
                            slot: number;
                            /**
                             * @description Labeling or review.
                             * @enum {string}
                             */
                            stage: "label" | "review";
                            /**
                             * @description `leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.
                             * @enum {string}
                             */
                            status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                            /** @description When the answer was submitted. */
                            submittedAt: string | null;
                            /** @description The task. */
                            taskId: string;
                            /** @description Time spent on it, in milliseconds. */
                            timeSpentMs: number | null;
                            /** @description The person it is leased to. */
                            userId: string;
                            /** @description The person's workforce when leased. */
                            workforceId: string | null;
                        };
                        /** @description Earlier rejections of this task and their comments. */
                        feedback: {
                            /** @description What the reviewer said. */
                            comment: string | null;
                            /**
                             * Format: date-time
                             * @description When.
                             */
                            createdAt: string;
                            /** @description Review id. */
                            id: string;
                            /** @description The labeling round reviewed. */
                            round: number;
                            /**
                             * @description A workflow reviewer or the customer's audit.
                             * @enum {string}
                             */
                            source: "reviewer" | "customer";
                            /**
                             * @description The verdict.
                             * @enum {string}
                             */
                            verdict: "accept" | "fix" | "reject";
                        }[];
                        /** @description Uploaded files the task shows, readable through the lease. */
                        files: {
                            /** @description The reference as the params write it (`groundwork://files/<id>`). */
                            reference: string;
                            /** @description Where the lease holder reads it (with their session), while the lease lasts. */
                            url: string;
                        }[];
                        /** @description Whether personal data (emails, phone numbers, card and ID numbers, IP addresses, listed names) in the task and the answers shown is replaced by placeholders such as [EMAIL_1] for this person (the project masks it for their workforce). Answers may use the placeholders; they are mapped back to the original text. */
                        masked: boolean;
                        /** @description For review leases: the answers under review. */
                        review: {
                            /** @description Agreement of the answers, 0..1. */
                            agreement: number | null;
                            /** @description The round’s labeling answers. */
                            answers: {
                                /** @description The labeling assignment. */
                                assignmentId: string;
                                /** @description Their answer. */
                                response: unknown;
                                /** @description Time they spent. */
                                timeSpentMs: number | null;
                                /** @description Who answered. */
                                userId: string;
                            }[];
                            /** @description Their consensus: what is accepted unless fixed or rejected. */
                            result: unknown;
                        } | null;
                        /** @description The task to work on. */
                        task: {
                            /** @description Batch id. */
                            batchId: string | null;
                            /** @description Task id. */
                            id: string;
                            /** @description Instructions for the annotator. */
                            instruction: string | null;
                            /** @description The task’s params (attachments, labels, …). */
                            params: {
                                [key: string]: unknown;
                            };
                            /** @description Project name. */
                            project: string;
                            /** @description Task type. */
                            type: string;
                        };
                        /** @description For a training task (shown before real work on a project that requires it): the person’s progress; null for any other task. */
                        training: {
                            /** @description Training answers given. */
                            answered: number;
                            /** @description Training answers that met the project’s pass score. */
                            passedCount: number;
                            /**
                             * @description `in_progress` until enough training answers pass; `passed` (real work opens); `failed` (too few can pass: paused until a manager reinstates).
                             * @enum {string}
                             */
                            state: "not_required" | "in_progress" | "passed" | "failed";
                            /** @description How many must pass. */
                            target: number;
                        } | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getLeasedFile: {
        parameters: {
            query?: {
                /** @description When the link stops working (Unix seconds), as signed. */
                expires?: string;
                /** @description The server’s signature of the link (HMAC-SHA256, base64url). */
                signature?: string;
            };
            header?: never;
            path: {
                /** @description The assignment id. */
                id: string;
                /** @description The file id. */
                fileId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The file content. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": string;
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    heartbeatAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An assignment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order. */
                        displayOrder: number[] | null;
                        /** @description A reviewer's comment when this answer was rejected. */
                        feedback: string | null;
                        /** @description Assignment id. */
                        id: string;
                        /**
                         * Format: date-time
                         * @description When the lease ends unless extended by a heartbeat.
                         */
                        leaseExpiresAt: string;
                        /**
                         * Format: date-time
                         * @description When the lease started.
                         */
                        leasedAt: string;
                        /** @description The task's project. */
                        projectId: string;
                        /** @description The submitted answer (for reviews: the verdict). */
                        response: unknown;
                        /** @description The labeling round (1, then one more after each rejection). */
                        round: number;
                        /** @description Why it was skipped. */
                        skipReason: string | null;
                        /** @description Which of the stage’s slots (1..overlap). */
                        slot: number;
                        /**
                         * @description Labeling or review.
                         * @enum {string}
                         */
                        stage: "label" | "review";
                        /**
                         * @description `leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.
                         * @enum {string}
                         */
                        status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                        /** @description When the answer was submitted. */
                        submittedAt: string | null;
                        /** @description The task. */
                        taskId: string;
                        /** @description Time spent on it, in milliseconds. */
                        timeSpentMs: number | null;
                        /** @description The person it is leased to. */
                        userId: string;
                        /** @description The person's workforce when leased. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    releaseAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description An assignment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order. */
                        displayOrder: number[] | null;
                        /** @description A reviewer's comment when this answer was rejected. */
                        feedback: string | null;
                        /** @description Assignment id. */
                        id: string;
                        /**
                         * Format: date-time
                         * @description When the lease ends unless extended by a heartbeat.
                         */
                        leaseExpiresAt: string;
                        /**
                         * Format: date-time
                         * @description When the lease started.
                         */
                        leasedAt: string;
                        /** @description The task's project. */
                        projectId: string;
                        /** @description The submitted answer (for reviews: the verdict). */
                        response: unknown;
                        /** @description The labeling round (1, then one more after each rejection). */
                        round: number;
                        /** @description Why it was skipped. */
                        skipReason: string | null;
                        /** @description Which of the stage’s slots (1..overlap). */
                        slot: number;
                        /**
                         * @description Labeling or review.
                         * @enum {string}
                         */
                        stage: "label" | "review";
                        /**
                         * @description `leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.
                         * @enum {string}
                         */
                        status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                        /** @description When the answer was submitted. */
                        submittedAt: string | null;
                        /** @description The task. */
                        taskId: string;
                        /** @description Time spent on it, in milliseconds. */
                        timeSpentMs: number | null;
                        /** @description The person it is leased to. */
                        userId: string;
                        /** @description The person's workforce when leased. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    reviewAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The verdict. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Required for `reject`: what to change. */
                    comment?: string | null;
                    /** @description For `fix`: the corrected answer. */
                    response?: unknown;
                    /** @description Time the person spent, in milliseconds, as the workbench measured it (capped by the lease’s wall time). */
                    timeSpentMs?: number;
                    /**
                     * @description The verdict.
                     * @enum {string}
                     */
                    verdict: "accept" | "fix" | "reject";
                };
            };
        };
        responses: {
            /** @description The submitted assignment and what happened to its task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An assignment. */
                        assignment: {
                            /** @description For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order. */
                            displayOrder: number[] | null;
                            /** @description A reviewer's comment when this answer was rejected. */
                            feedback: string | null;
                            /** @description Assignment id. */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the lease ends unless extended by a heartbeat.
                             */
                            leaseExpiresAt: string;
                            /**
                             * Format: date-time
                             * @description When the lease started.
                             */
                            leasedAt: string;
                            /** @description The task's project. */
                            projectId: string;
                            /** @description The submitted answer (for reviews: the verdict). */
                            response: unknown;
                            /** @description The labeling round (1, then one more after each rejection). */
                            round: number;
                            /** @description Why it was skipped. */
                            skipReason: string | null;
                            /** @description Which of the stage’s slots (1..overlap). */
                            slot: number;
                            /**
                             * @description Labeling or review.
                             * @enum {string}
                             */
                            stage: "label" | "review";
                            /**
                             * @description `leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.
                             * @enum {string}
                             */
                            status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                            /** @description When the answer was submitted. */
                            submittedAt: string | null;
                            /** @description The task. */
                            taskId: string;
                            /** @description Time spent on it, in milliseconds. */
                            timeSpentMs: number | null;
                            /** @description The person it is leased to. */
                            userId: string;
                            /** @description The person's workforce when leased. */
                            workforceId: string | null;
                        };
                        /**
                         * @description `waiting` for the stage’s other slots, `review` when the task went to review, `completed`, `relabel` after a rejection, or `training` for a training task (see `training`).
                         * @enum {string}
                         */
                        taskOutcome: "waiting" | "review" | "completed" | "relabel" | "training";
                        /** @description For a training task: how the answer scored, the expected answer and the progress; else null. */
                        training: {
                            /** @description Training answers given. */
                            answered: number;
                            /** @description The expected answer, to compare with the one given. */
                            expectedResponse: unknown;
                            /** @description Whether this answer met the pass score. */
                            passed: boolean;
                            /** @description Training answers that met the project’s pass score. */
                            passedCount: number;
                            /** @description This answer’s score against the expected answer, 0..1. */
                            score: number;
                            /**
                             * @description `in_progress` until enough training answers pass; `passed` (real work opens); `failed` (too few can pass: paused until a manager reinstates).
                             * @enum {string}
                             */
                            state: "not_required" | "in_progress" | "passed" | "failed";
                            /** @description How many must pass. */
                            target: number;
                        } | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    skipAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The skip. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Why (e.g. "image does not load"). */
                    reason: string;
                };
            };
        };
        responses: {
            /** @description An assignment. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order. */
                        displayOrder: number[] | null;
                        /** @description A reviewer's comment when this answer was rejected. */
                        feedback: string | null;
                        /** @description Assignment id. */
                        id: string;
                        /**
                         * Format: date-time
                         * @description When the lease ends unless extended by a heartbeat.
                         */
                        leaseExpiresAt: string;
                        /**
                         * Format: date-time
                         * @description When the lease started.
                         */
                        leasedAt: string;
                        /** @description The task's project. */
                        projectId: string;
                        /** @description The submitted answer (for reviews: the verdict). */
                        response: unknown;
                        /** @description The labeling round (1, then one more after each rejection). */
                        round: number;
                        /** @description Why it was skipped. */
                        skipReason: string | null;
                        /** @description Which of the stage’s slots (1..overlap). */
                        slot: number;
                        /**
                         * @description Labeling or review.
                         * @enum {string}
                         */
                        stage: "label" | "review";
                        /**
                         * @description `leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.
                         * @enum {string}
                         */
                        status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                        /** @description When the answer was submitted. */
                        submittedAt: string | null;
                        /** @description The task. */
                        taskId: string;
                        /** @description Time spent on it, in milliseconds. */
                        timeSpentMs: number | null;
                        /** @description The person it is leased to. */
                        userId: string;
                        /** @description The person's workforce when leased. */
                        workforceId: string | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    submitAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description The answer. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description The answer, in the task type’s response format. */
                    response: unknown;
                    /** @description Time the person spent, in milliseconds, as the workbench measured it (capped by the lease’s wall time). */
                    timeSpentMs?: number;
                };
            };
        };
        responses: {
            /** @description The submitted assignment and what happened to its task. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description An assignment. */
                        assignment: {
                            /** @description For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order. */
                            displayOrder: number[] | null;
                            /** @description A reviewer's comment when this answer was rejected. */
                            feedback: string | null;
                            /** @description Assignment id. */
                            id: string;
                            /**
                             * Format: date-time
                             * @description When the lease ends unless extended by a heartbeat.
                             */
                            leaseExpiresAt: string;
                            /**
                             * Format: date-time
                             * @description When the lease started.
                             */
                            leasedAt: string;
                            /** @description The task's project. */
                            projectId: string;
                            /** @description The submitted answer (for reviews: the verdict). */
                            response: unknown;
                            /** @description The labeling round (1, then one more after each rejection). */
                            round: number;
                            /** @description Why it was skipped. */
                            skipReason: string | null;
                            /** @description Which of the stage’s slots (1..overlap). */
                            slot: number;
                            /**
                             * @description Labeling or review.
                             * @enum {string}
                             */
                            stage: "label" | "review";
                            /**
                             * @description `leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.
                             * @enum {string}
                             */
                            status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                            /** @description When the answer was submitted. */
                            submittedAt: string | null;
                            /** @description The task. */
                            taskId: string;
                            /** @description Time spent on it, in milliseconds. */
                            timeSpentMs: number | null;
                            /** @description The person it is leased to. */
                            userId: string;
                            /** @description The person's workforce when leased. */
                            workforceId: string | null;
                        };
                        /**
                         * @description `waiting` for the stage’s other slots, `review` when the task went to review, `completed`, `relabel` after a rejection, or `training` for a training task (see `training`).
                         * @enum {string}
                         */
                        taskOutcome: "waiting" | "review" | "completed" | "relabel" | "training";
                        /** @description For a training task: how the answer scored, the expected answer and the progress; else null. */
                        training: {
                            /** @description Training answers given. */
                            answered: number;
                            /** @description The expected answer, to compare with the one given. */
                            expectedResponse: unknown;
                            /** @description Whether this answer met the pass score. */
                            passed: boolean;
                            /** @description Training answers that met the project’s pass score. */
                            passedCount: number;
                            /** @description This answer’s score against the expected answer, 0..1. */
                            score: number;
                            /**
                             * @description `in_progress` until enough training answers pass; `passed` (real work opens); `failed` (too few can pass: paused until a manager reinstates).
                             * @enum {string}
                             */
                            state: "not_required" | "in_progress" | "passed" | "failed";
                            /** @description How many must pass. */
                            target: number;
                        } | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    leaseNextAssignment: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description What kind of work to lease. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Only work of this project (its name). */
                    project?: string;
                    /**
                     * @description Labeling work (default) or reviews.
                     * @default label
                     * @enum {string}
                     */
                    stage?: "label" | "review";
                };
            };
        };
        responses: {
            /** @description The lease. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The leased assignment, or null when there is none. */
                        lease: {
                            /** @description An assignment. */
                            assignment: {
                                /** @description For side-by-side items (pairwise preference, ranking): the order to show them in — position i shows item displayOrder[i]. Answers always use the task’s own order. */
                                displayOrder: number[] | null;
                                /** @description A reviewer's comment when this answer was rejected. */
                                feedback: string | null;
                                /** @description Assignment id. */
                                id: string;
                                /**
                                 * Format: date-time
                                 * @description When the lease ends unless extended by a heartbeat.
                                 */
                                leaseExpiresAt: string;
                                /**
                                 * Format: date-time
                                 * @description When the lease started.
                                 */
                                leasedAt: string;
                                /** @description The task's project. */
                                projectId: string;
                                /** @description The submitted answer (for reviews: the verdict). */
                                response: unknown;
                                /** @description The labeling round (1, then one more after each rejection). */
                                round: number;
                                /** @description Why it was skipped. */
                                skipReason: string | null;
                                /** @description Which of the stage’s slots (1..overlap). */
                                slot: number;
                                /**
                                 * @description Labeling or review.
                                 * @enum {string}
                                 */
                                stage: "label" | "review";
                                /**
                                 * @description `leased` until submitted; `skipped`, `released`, `expired` or `revoked` when given up.
                                 * @enum {string}
                                 */
                                status: "leased" | "submitted" | "skipped" | "released" | "expired" | "revoked";
                                /** @description When the answer was submitted. */
                                submittedAt: string | null;
                                /** @description The task. */
                                taskId: string;
                                /** @description Time spent on it, in milliseconds. */
                                timeSpentMs: number | null;
                                /** @description The person it is leased to. */
                                userId: string;
                                /** @description The person's workforce when leased. */
                                workforceId: string | null;
                            };
                            /** @description Earlier rejections of this task and their comments. */
                            feedback: {
                                /** @description What the reviewer said. */
                                comment: string | null;
                                /**
                                 * Format: date-time
                                 * @description When.
                                 */
                                createdAt: string;
                                /** @description Review id. */
                                id: string;
                                /** @description The labeling round reviewed. */
                                round: number;
                                /**
                                 * @description A workflow reviewer or the customer's audit.
                                 * @enum {string}
                                 */
                                source: "reviewer" | "customer";
                                /**
                                 * @description The verdict.
                                 * @enum {string}
                                 */
                                verdict: "accept" | "fix" | "reject";
                            }[];
                            /** @description Uploaded files the task shows, readable through the lease. */
                            files: {
                                /** @description The reference as the params write it (`groundwork://files/<id>`). */
                                reference: string;
                                /** @description Where the lease holder reads it (with their session), while the lease lasts. */
                                url: string;
                            }[];
                            /** @description Whether personal data (emails, phone numbers, card and ID numbers, IP addresses, listed names) in the task and the answers shown is replaced by placeholders such as [EMAIL_1] for this person (the project masks it for their workforce). Answers may use the placeholders; they are mapped back to the original text. */
                            masked: boolean;
                            /** @description For review leases: the answers under review. */
                            review: {
                                /** @description Agreement of the answers, 0..1. */
                                agreement: number | null;
                                /** @description The round’s labeling answers. */
                                answers: {
                                    /** @description The labeling assignment. */
                                    assignmentId: string;
                                    /** @description Their answer. */
                                    response: unknown;
                                    /** @description Time they spent. */
                                    timeSpentMs: number | null;
                                    /** @description Who answered. */
                                    userId: string;
                                }[];
                                /** @description Their consensus: what is accepted unless fixed or rejected. */
                                result: unknown;
                            } | null;
                            /** @description The task to work on. */
                            task: {
                                /** @description Batch id. */
                                batchId: string | null;
                                /** @description Task id. */
                                id: string;
                                /** @description Instructions for the annotator. */
                                instruction: string | null;
                                /** @description The task’s params (attachments, labels, …). */
                                params: {
                                    [key: string]: unknown;
                                };
                                /** @description Project name. */
                                project: string;
                                /** @description Task type. */
                                type: string;
                            };
                            /** @description For a training task (shown before real work on a project that requires it): the person’s progress; null for any other task. */
                            training: {
                                /** @description Training answers given. */
                                answered: number;
                                /** @description Training answers that met the project’s pass score. */
                                passedCount: number;
                                /**
                                 * @description `in_progress` until enough training answers pass; `passed` (real work opens); `failed` (too few can pass: paused until a manager reinstates).
                                 * @enum {string}
                                 */
                                state: "not_required" | "in_progress" | "passed" | "failed";
                                /** @description How many must pass. */
                                target: number;
                            } | null;
                        } | null;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getWorkOverview: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description What the caller’s workbench home shows. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The caller’s own figures. */
                        me: {
                            /** @description (accepted + fixed) / reviewed, 0..1; null when nothing of theirs was reviewed. */
                            acceptanceRate: number | null;
                            /** @description Of those, answers whose round the reviewer accepted. */
                            accepted: number;
                            /** @description Mean agreement (0..1) of the rounds the caller answered whose consensus merged more than one answer; null when none. A rejected round’s agreement no longer counts. */
                            agreement: number | null;
                            /** @description The caller’s answers rejected with a comment for them (read them with `GET /api/work/assignments?feedback=true`). */
                            feedback: number;
                            /** @description Of those, answers whose round the reviewer fixed (corrected and completed). */
                            fixed: number;
                            /** @description Leases the caller holds now that have not expired (labeling and review). */
                            leased: number;
                            /** @description Median time spent per labeling answer over the caller’s latest 200, in milliseconds (rounded); null before the first. */
                            medianTimeMs: number | null;
                            /** @description Of those, answers whose round the reviewer rejected (sent back to labeling). */
                            rejected: number;
                            /** @description The caller’s labeling answers a reviewer gave a verdict on (customer audits not counted). */
                            reviewed: number;
                            /** @description Assignments (labeling and review) the caller skipped, all time. */
                            skipped: number;
                            /** @description Labeling answers the caller submitted, all time. */
                            submitted: number;
                            /** @description Labeling answers the caller submitted since midnight UTC. */
                            submittedToday: number;
                        };
                        /** @description The projects the caller may work now (routed to their workforce, required skills held), and any other where they still hold a live lease (nothing waits for them there); highest priority first, then by name. */
                        projects: {
                            /** @description The caller’s own live labeling leases in the project: tasks they hold and resume where they left off (not counted in `waiting`). */
                            inProgress: number;
                            /** @description The project’s instructions for annotators (Markdown), or null. */
                            instruction: string | null;
                            /** @description Project name (what `POST /api/work/next` takes as `project`). */
                            name: string;
                            /** @description Set while the caller is paused from the project (no work is leased to them there). */
                            paused: {
                                /**
                                 * Format: date-time
                                 * @description Since when.
                                 */
                                at: string;
                                /** @description Why, as a manager or the quality rules gave it. */
                                reason: string;
                            } | null;
                            /** @description Project priority: higher is served first. */
                            priority: number;
                            /** @description The caller’s own live review leases in the project. */
                            reviewsInProgress: number;
                            /** @description Reviews the caller could lease now (never of a round they labeled); 0 unless they have the reviewer role. Counting stops at 10,000. */
                            reviewsWaiting: number;
                            /** @description The project’s training gate for the caller: `in_progress` means their next leases there are training tasks; null when the project has none. */
                            training: {
                                /** @description Training answers given. */
                                answered: number;
                                /** @description Training answers that met the project’s pass score. */
                                passedCount: number;
                                /**
                                 * @description `in_progress` until enough training answers pass; `passed` (real work opens); `failed` (too few can pass: paused until a manager reinstates).
                                 * @enum {string}
                                 */
                                state: "not_required" | "in_progress" | "passed" | "failed";
                                /** @description How many must pass. */
                                target: number;
                            } | null;
                            /** @description Task type. */
                            type: string;
                            /** @description Labeling work the caller could lease now: tasks with an open slot routed to their workforce or to nobody in particular, not taken, skipped or answered by them in this round — each task once, however many of its slots are open (a person answers a task once per round). Counting stops at 10,000: 10,000 means at least that many. */
                            waiting: number;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listWorkforces: {
        parameters: {
            query?: {
                /** @description Only archived (`true`) or only active (`false`) workforces; both when omitted. */
                archived?: "true" | "false";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A list of workforces. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The workforces. */
                        items: {
                            /** @description Archived workforces cannot be routed to or given new members. */
                            archived: boolean;
                            /** @description Who to talk to (a name, an email address), if recorded. */
                            contact: string | null;
                            /**
                             * Format: date-time
                             * @description When the workforce was created.
                             */
                            createdAt: string;
                            /** @description Free-text description, if any. */
                            description: string | null;
                            /** @description Workforce id; what project routing names. */
                            id: string;
                            /**
                             * @description `internal`: the organization's own staff; `vendor`: an outside labeling company.
                             * @enum {string}
                             */
                            kind: "internal" | "vendor";
                            /** @description Unique name of the workforce in the organization. */
                            name: string;
                            /**
                             * Format: date-time
                             * @description When the workforce last changed.
                             */
                            updatedAt: string;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    createWorkforce: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description A new workforce. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description Who to talk to (a name, an email address). */
                    contact?: string | null;
                    /** @description Free-text description. */
                    description?: string | null;
                    /**
                     * @description `internal`: the organization's own staff; `vendor`: an outside labeling company.
                     * @enum {string}
                     */
                    kind: "internal" | "vendor";
                    /** @description Unique name of the workforce in the organization (1–100 characters). */
                    name: string;
                };
            };
        };
        responses: {
            /** @description A team of annotators: the organization’s own staff or an outside vendor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Archived workforces cannot be routed to or given new members. */
                        archived: boolean;
                        /** @description Who to talk to (a name, an email address), if recorded. */
                        contact: string | null;
                        /**
                         * Format: date-time
                         * @description When the workforce was created.
                         */
                        createdAt: string;
                        /** @description Free-text description, if any. */
                        description: string | null;
                        /** @description Workforce id; what project routing names. */
                        id: string;
                        /**
                         * @description `internal`: the organization's own staff; `vendor`: an outside labeling company.
                         * @enum {string}
                         */
                        kind: "internal" | "vendor";
                        /** @description Unique name of the workforce in the organization. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description When the workforce last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    getWorkforce: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A team of annotators: the organization’s own staff or an outside vendor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Archived workforces cannot be routed to or given new members. */
                        archived: boolean;
                        /** @description Who to talk to (a name, an email address), if recorded. */
                        contact: string | null;
                        /**
                         * Format: date-time
                         * @description When the workforce was created.
                         */
                        createdAt: string;
                        /** @description Free-text description, if any. */
                        description: string | null;
                        /** @description Workforce id; what project routing names. */
                        id: string;
                        /**
                         * @description `internal`: the organization's own staff; `vendor`: an outside labeling company.
                         * @enum {string}
                         */
                        kind: "internal" | "vendor";
                        /** @description Unique name of the workforce in the organization. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description When the workforce last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    archiveWorkforce: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description A team of annotators: the organization’s own staff or an outside vendor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Archived workforces cannot be routed to or given new members. */
                        archived: boolean;
                        /** @description Who to talk to (a name, an email address), if recorded. */
                        contact: string | null;
                        /**
                         * Format: date-time
                         * @description When the workforce was created.
                         */
                        createdAt: string;
                        /** @description Free-text description, if any. */
                        description: string | null;
                        /** @description Workforce id; what project routing names. */
                        id: string;
                        /**
                         * @description `internal`: the organization's own staff; `vendor`: an outside labeling company.
                         * @enum {string}
                         */
                        kind: "internal" | "vendor";
                        /** @description Unique name of the workforce in the organization. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description When the workforce last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    updateWorkforce: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        /** @description Changes to a workforce; omitted fields stay as they are. */
        requestBody: {
            content: {
                "application/json": {
                    /** @description `true` archives (refused while a project routes to it), `false` restores. */
                    archived?: boolean;
                    /** @description Who to talk to (a name, an email address). */
                    contact?: string | null;
                    /** @description Free-text description. */
                    description?: string | null;
                    /**
                     * @description `internal`: the organization's own staff; `vendor`: an outside labeling company.
                     * @enum {string}
                     */
                    kind?: "internal" | "vendor";
                    /** @description Unique name of the workforce in the organization (1–100 characters). */
                    name?: string;
                };
            };
        };
        responses: {
            /** @description A team of annotators: the organization’s own staff or an outside vendor. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Archived workforces cannot be routed to or given new members. */
                        archived: boolean;
                        /** @description Who to talk to (a name, an email address), if recorded. */
                        contact: string | null;
                        /**
                         * Format: date-time
                         * @description When the workforce was created.
                         */
                        createdAt: string;
                        /** @description Free-text description, if any. */
                        description: string | null;
                        /** @description Workforce id; what project routing names. */
                        id: string;
                        /**
                         * @description `internal`: the organization's own staff; `vendor`: an outside labeling company.
                         * @enum {string}
                         */
                        kind: "internal" | "vendor";
                        /** @description Unique name of the workforce in the organization. */
                        name: string;
                        /**
                         * Format: date-time
                         * @description When the workforce last changed.
                         */
                        updatedAt: string;
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
    listWorkforceMembers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description The id. */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description The members of a workforce. */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description The members. */
                        items: {
                            /** @description A disabled member cannot log in or take work. */
                            disabled: boolean;
                            /** @description Email address. */
                            email: string;
                            /**
                             * Format: date-time
                             * @description When the person joined the organization.
                             */
                            joinedAt: string;
                            /** @description Display name. */
                            name: string;
                            /** @description Role in the organization. */
                            role: string;
                            /** @description The user id. */
                            userId: string;
                        }[];
                    };
                };
            };
            /** @description An error. */
            "4XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
            /** @description An error. */
            "5XX": {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        /** @description Stable machine-readable error code, e.g. `not_found` or `invalid_request`. */
                        code: string;
                        /** @description Field-level problems, if any. */
                        details: {
                            /** @description What is wrong with it. */
                            message: string;
                            /** @description The field (or `line N` of a bulk import) the problem is about. */
                            path: string;
                        }[];
                        /** @description Human-readable explanation. */
                        message: string;
                    };
                };
            };
        };
    };
}
