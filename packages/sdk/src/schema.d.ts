export interface paths {
    "/api/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List API keys
         * @description Every API key of the organization, revoked ones included, oldest first; never their secrets. Requires the `admin` role or a more powerful one (API keys act as `admin`).
         */
        get: operations["listApiKeys"];
        put?: never;
        /**
         * Create an API key
         * @description Creates an API key and returns its secret once. A test key may only create test keys. Requires the `admin` role or a more powerful one (API keys act as `admin`).
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
         * @description Revokes an API key at once; requests with it fail from then on. A test key may only revoke test keys. Requires the `admin` role or a more powerful one (API keys act as `admin`).
         */
        delete: operations["revokeApiKey"];
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
         * @description Batches of the caller's environment, newest first. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
         */
        get: operations["listBatches"];
        put?: never;
        /**
         * Create a batch
         * @description Creates a batch in a project; 409 `name_taken` if the name is used. Requires the `manager` role or a more powerful one (API keys act as `admin`).
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
         * @description A batch by name, with its task counts by status. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
         */
        get: operations["getBatch"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
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
         * @description Releases a staging batch's tasks to annotators; a batch already in progress is returned unchanged. Requires the `manager` role or a more powerful one (API keys act as `admin`).
         */
        post: operations["finalizeBatch"];
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
         * @description Stores the `file` part of a multipart/form-data body; use its `attachmentUrl` in tasks. Requires the `manager` role or a more powerful one (API keys act as `admin`).
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
         * @description Downloads a file from a public http(s) URL and stores it. Requires the `manager` role or a more powerful one (API keys act as `admin`).
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
         * @description A file's description by id. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
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
         * @description Streams the stored bytes with the file's content type. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
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
    "/api/org": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get the caller's organization
         * @description The organization the API key belongs to, and the environment and role it acts with. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
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
    "/api/projects": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List projects
         * @description Every project of the caller's environment, oldest first. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
         */
        get: operations["listProjects"];
        put?: never;
        /**
         * Create a project
         * @description Creates a project; 409 `name_taken` if the name is used. Requires the `manager` role or a more powerful one (API keys act as `admin`).
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
         * @description A project by name. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
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
    "/api/projects/{name}/param-history": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * List a project's param versions
         * @description Every version of the project's default params, oldest first; the last is current. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
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
         * @description Records a new version of the project's default params (and instruction); tasks created afterwards use it. Requires the `manager` role or a more powerful one (API keys act as `admin`).
         */
        post: operations["setProjectParams"];
        delete?: never;
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
         * @description Tasks of the caller's environment, newest first, a page at a time: pass `nextCursor` back as `cursor` for the next page. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
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
         * Import tasks in bulk (NDJSON)
         * @description Creates many tasks of one type from an `application/x-ndjson` body, all or nothing: every line is validated first and if any is invalid nothing is written and the error details name each bad line (`line 12`). At most 1,000,000 lines. Requires the `manager` role or a more powerful one (API keys act as `admin`).
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
         * @description A task by id. Requires the `viewer` role or a more powerful one (API keys act as `admin`).
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
                            /** @description API key id. */
                            id: string;
                            /** @description When the key was last used. */
                            lastUsedAt: string | null;
                            /** @description Name given to the key. */
                            name: string;
                            /** @description The first characters of the key, to recognize it. */
                            prefix: string;
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
                        /** @description API key id. */
                        id: string;
                        /** @description When the key was last used. */
                        lastUsedAt: string | null;
                        /** @description Name given to the key. */
                        name: string;
                        /** @description The first characters of the key, to recognize it. */
                        prefix: string;
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
                            /** @description Task type of the project, e.g. `categorization`. */
                            type: string;
                            /**
                             * Format: date-time
                             * @description When the project last changed.
                             */
                            updatedAt: string;
                            /** @description Current param version. */
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
                    /** @description Task type of the tasks of the project, e.g. `categorization`. */
                    type: string;
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
                        /** @description Task type of the project, e.g. `categorization`. */
                        type: string;
                        /**
                         * Format: date-time
                         * @description When the project last changed.
                         */
                        updatedAt: string;
                        /** @description Current param version. */
                        version: number;
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
                        /** @description Task type of the project, e.g. `categorization`. */
                        type: string;
                        /**
                         * Format: date-time
                         * @description When the project last changed.
                         */
                        updatedAt: string;
                        /** @description Current param version. */
                        version: number;
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
                        /** @description Task type of the project, e.g. `categorization`. */
                        type: string;
                        /**
                         * Format: date-time
                         * @description When the project last changed.
                         */
                        updatedAt: string;
                        /** @description Current param version. */
                        version: number;
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
                /** @description Task type of every line, e.g. `categorization`. */
                type: string;
                /** @description Project of lines that name neither a project nor a batch. */
                project?: string;
                /** @description Batch of lines that name neither a project nor a batch. */
                batch?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** @description One task per line as a JSON object with the fields of Scale's task creation (`attachment`, `project`, `batch`, `unique_id`, `metadata`, ...); blank lines are skipped. */
        requestBody: {
            content: {
                "application/x-ndjson": string;
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
                        /** @description Id of the task of the first line. */
                        firstTaskId: string | null;
                        /** @description Id of the task of the last line. */
                        lastTaskId: string | null;
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
}
