export declare const appRouter: import("@trpc/server").TRPCBuiltRouter<{
    ctx: import("./init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    users: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        create: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                user_id: string;
                email?: string | null | undefined;
                first_name?: string | null | undefined;
                last_name?: string | null | undefined;
                metadata?: Record<string, unknown> | null | undefined;
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        get: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                userId: string;
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        update: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                userId: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                    email?: string | null | undefined;
                    first_name?: string | null | undefined;
                    last_name?: string | null | undefined;
                };
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        annotate: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                userId: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                };
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        delete: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                userId: string;
            };
            output: void;
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                limit?: unknown;
                cursor?: unknown;
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        sessions: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                userId: string;
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    sessions: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        create: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                session_id: string;
                user_id?: string | null | undefined;
                metadata?: Record<string, unknown> | null | undefined;
                memory_type?: "message_window" | "perpetual" | "summary_retriever" | null | undefined;
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        get: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                sessionId: string;
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        update: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                    memory_type?: "message_window" | "perpetual" | "summary_retriever" | null | undefined;
                };
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        annotate: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                };
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                limit?: unknown;
                cursor?: unknown;
                user_id?: string | undefined;
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    memory: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        add: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                messages: {
                    uuid?: string | null | undefined;
                    role: string;
                    role_type?: "assistant" | "function" | "norole" | "system" | "tool" | "user" | null | undefined;
                    content: string;
                    metadata?: Record<string, unknown> | null | undefined;
                }[];
                sessionId: string;
            };
            output: {
                session_id: string;
                added: number;
                message_uuids: string[];
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        get: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                lastn?: unknown;
                memoryType?: "message_window" | "perpetual" | "summary_retriever" | undefined;
                maxTokens?: unknown;
                includeContext?: "0" | "1" | "false" | "true" | boolean | undefined;
                sessionId: string;
            };
            output: {
                messages: {
                    uuid: string;
                    created_at: string;
                    updated_at: string;
                    role: string;
                    role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                    content: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                }[];
                summary?: {
                    uuid: string;
                    created_at: string;
                    content: string;
                    recent_message_uuid: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                } | undefined;
                relevant_summaries?: {
                    uuid: string;
                    created_at: string;
                    content: string;
                    recent_message_uuid: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                }[] | undefined;
                memory_type: "message_window" | "perpetual" | "summary_retriever";
                context?: string | undefined;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        delete: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
            };
            output: void;
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        summaries: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                sessionId: string;
            };
            output: {
                uuid: string;
                created_at: string;
                content: string;
                recent_message_uuid: string;
                metadata: Record<string, unknown>;
                token_count: number;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        addSummary: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                content: string;
                recent_message_uuid: string;
                metadata?: Record<string, unknown> | null | undefined;
                sessionId: string;
            };
            output: {
                uuid: string;
                created_at: string;
                content: string;
                recent_message_uuid: string;
                metadata: Record<string, unknown>;
                token_count: number;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    messages: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                limit?: unknown;
                cursor?: unknown;
                direction?: "backward" | "forward" | undefined;
                sessionId: string;
            };
            output: {
                messages: {
                    uuid: string;
                    created_at: string;
                    updated_at: string;
                    role: string;
                    role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                    content: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                    position: number;
                }[];
                next_cursor: number | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        get: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                sessionId: string;
                uuid: string;
            };
            output: {
                uuid: string;
                created_at: string;
                updated_at: string;
                role: string;
                role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                content: string;
                metadata: Record<string, unknown>;
                token_count: number;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        update: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
                uuid: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                };
            };
            output: {
                uuid: string;
                created_at: string;
                updated_at: string;
                role: string;
                role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                content: string;
                metadata: Record<string, unknown>;
                token_count: number;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    search: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        query: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                text?: string | null | undefined;
                metadata?: {
                    where?: unknown;
                    start_date?: string | undefined;
                    end_date?: string | undefined;
                } | null | undefined;
                search_scope?: "messages" | "summary" | null | undefined;
                search_type?: "mmr" | "similarity" | null | undefined;
                mmr_lambda?: number | null | undefined;
                sessionId?: string | undefined;
                userId?: string | undefined;
                limit?: unknown;
            };
            output: {
                message?: {
                    uuid: string;
                    created_at: string;
                    updated_at: string;
                    role: string;
                    role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                    content: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                } | undefined;
                summary?: {
                    uuid: string;
                    created_at: string;
                    content: string;
                    recent_message_uuid: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                } | undefined;
                metadata: Record<string, unknown>;
                session_id: string;
                dist: number;
                score: number;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    apiKeys: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        create: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                name: string;
            };
            output: {
                key: string;
                apiKey: {
                    uuid: string;
                    name: string;
                    prefix: string;
                    created_by: string;
                    created_at: string;
                    last_used_at: string | null;
                    revoked_at: string | null;
                };
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                uuid: string;
                name: string;
                prefix: string;
                created_by: string;
                created_at: string;
                last_used_at: string | null;
                revoked_at: string | null;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        revoke: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                uuid: string;
            };
            output: {
                uuid: string;
                name: string;
                prefix: string;
                created_by: string;
                created_at: string;
                last_used_at: string | null;
                revoked_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    enrichment: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        status: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                sessionId: string;
            };
            output: {
                session_id: string;
                state: "failing" | "pending" | "up_to_date";
                unsummarized_messages: number;
                unenriched_messages: number;
                unenriched_summaries: number;
                attempts: number;
                last_error: string | null;
                last_error_at: string | null;
                next_attempt_at: string | null;
                in_progress: boolean;
                last_completed_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        overview: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                summarizer: string;
                embedder: string | null;
                entities: boolean;
                worker: boolean;
                sessions_pending: number;
                sessions_failing: number;
                messages_unenriched: number;
                summaries_unenriched: number;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        failures: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                limit?: unknown;
            };
            output: {
                session_id: string;
                attempts: number;
                last_error: string | null;
                last_error_at: string | null;
                next_attempt_at: string | null;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        retry: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
            };
            output: {
                session_id: string;
                state: "failing" | "pending" | "up_to_date";
                unsummarized_messages: number;
                unenriched_messages: number;
                unenriched_summaries: number;
                attempts: number;
                last_error: string | null;
                last_error_at: string | null;
                next_attempt_at: string | null;
                in_progress: boolean;
                last_completed_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    accounts: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        status: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                needs_setup: boolean;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        setup: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                email: string;
                name?: string | undefined;
                password: string;
            };
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        signIn: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                email: string;
                password: string;
            };
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        signOut: import("@trpc/server").TRPCMutationProcedure<{
            input: void;
            output: {
                signed_out: boolean;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        me: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                id: number;
                email: string;
                role: "admin" | "operator" | "support";
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        create: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                email: string;
                name?: string | undefined;
                password: string;
                role: "admin" | "operator" | "support";
            };
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        update: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                id: number;
                role?: "admin" | "operator" | "support" | undefined;
                disabled?: boolean | undefined;
                password?: string | undefined;
            };
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    dashboard: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        sessions: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                query?: string | undefined;
                user_id?: string | undefined;
                from?: string | undefined;
                to?: string | undefined;
                sort?: "created_at" | "last_activity" | "message_count" | "session_id" | "token_count" | undefined;
                order?: "asc" | "desc" | undefined;
                limit?: number | undefined;
                cursor?: string | undefined;
            };
            output: {
                sessions: {
                    uuid: string;
                    id: number;
                    session_id: string;
                    user_id: string | null;
                    metadata: Record<string, unknown>;
                    memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                    message_count: number;
                    token_count: number;
                    last_message_at: string | null;
                    created_at: string;
                    updated_at: string;
                    user: {
                        email: string | null;
                        first_name: string | null;
                        last_name: string | null;
                    } | null;
                    last_activity_at: string;
                }[];
                next_cursor: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        users: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                query?: string | undefined;
                limit?: number | undefined;
                cursor?: number | undefined;
            };
            output: {
                users: {
                    uuid: string;
                    id: number;
                    user_id: string;
                    email: string | null;
                    first_name: string | null;
                    last_name: string | null;
                    metadata: Record<string, unknown>;
                    created_at: string;
                    updated_at: string;
                    session_count: number;
                }[];
                next_cursor: number | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        overview: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                days?: number | undefined;
            };
            output: {
                counts: {
                    users: number;
                    sessions: number;
                    messages: number;
                    summaries: number;
                    tokens: number;
                    active_api_keys: number;
                };
                activity: {
                    day: string;
                    messages: number;
                    sessions: number;
                }[];
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        configuration: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                name: string;
                value: string;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    audit: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        metadataHistory: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                entity_type: "message" | "session" | "user";
                entity_id: string;
                limit?: number | undefined;
                cursor?: number | undefined;
            };
            output: {
                changes: {
                    id: number;
                    entity_type: "message" | "session" | "user";
                    entity_id: string;
                    actor: string;
                    before: Record<string, unknown>;
                    after: Record<string, unknown>;
                    created_at: string;
                }[];
                next_cursor: number | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
}>>;
export type AppRouter = typeof appRouter;
export declare const createCaller: import("@trpc/server").TRPCRouterCaller<{
    ctx: import("./init").Context;
    meta: object;
    errorShape: import("@trpc/server").TRPCDefaultErrorShape;
    transformer: false;
}, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
    users: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        create: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                user_id: string;
                email?: string | null | undefined;
                first_name?: string | null | undefined;
                last_name?: string | null | undefined;
                metadata?: Record<string, unknown> | null | undefined;
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        get: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                userId: string;
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        update: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                userId: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                    email?: string | null | undefined;
                    first_name?: string | null | undefined;
                    last_name?: string | null | undefined;
                };
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        annotate: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                userId: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                };
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        delete: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                userId: string;
            };
            output: void;
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                limit?: unknown;
                cursor?: unknown;
            };
            output: {
                uuid: string;
                id: number;
                user_id: string;
                email: string | null;
                first_name: string | null;
                last_name: string | null;
                metadata: Record<string, unknown>;
                created_at: string;
                updated_at: string;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        sessions: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                userId: string;
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    sessions: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        create: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                session_id: string;
                user_id?: string | null | undefined;
                metadata?: Record<string, unknown> | null | undefined;
                memory_type?: "message_window" | "perpetual" | "summary_retriever" | null | undefined;
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        get: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                sessionId: string;
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        update: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                    memory_type?: "message_window" | "perpetual" | "summary_retriever" | null | undefined;
                };
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        annotate: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                };
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                limit?: unknown;
                cursor?: unknown;
                user_id?: string | undefined;
            };
            output: {
                uuid: string;
                id: number;
                session_id: string;
                user_id: string | null;
                metadata: Record<string, unknown>;
                memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                message_count: number;
                token_count: number;
                last_message_at: string | null;
                created_at: string;
                updated_at: string;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    memory: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        add: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                messages: {
                    uuid?: string | null | undefined;
                    role: string;
                    role_type?: "assistant" | "function" | "norole" | "system" | "tool" | "user" | null | undefined;
                    content: string;
                    metadata?: Record<string, unknown> | null | undefined;
                }[];
                sessionId: string;
            };
            output: {
                session_id: string;
                added: number;
                message_uuids: string[];
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        get: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                lastn?: unknown;
                memoryType?: "message_window" | "perpetual" | "summary_retriever" | undefined;
                maxTokens?: unknown;
                includeContext?: "0" | "1" | "false" | "true" | boolean | undefined;
                sessionId: string;
            };
            output: {
                messages: {
                    uuid: string;
                    created_at: string;
                    updated_at: string;
                    role: string;
                    role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                    content: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                }[];
                summary?: {
                    uuid: string;
                    created_at: string;
                    content: string;
                    recent_message_uuid: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                } | undefined;
                relevant_summaries?: {
                    uuid: string;
                    created_at: string;
                    content: string;
                    recent_message_uuid: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                }[] | undefined;
                memory_type: "message_window" | "perpetual" | "summary_retriever";
                context?: string | undefined;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        delete: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
            };
            output: void;
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        summaries: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                sessionId: string;
            };
            output: {
                uuid: string;
                created_at: string;
                content: string;
                recent_message_uuid: string;
                metadata: Record<string, unknown>;
                token_count: number;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        addSummary: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                content: string;
                recent_message_uuid: string;
                metadata?: Record<string, unknown> | null | undefined;
                sessionId: string;
            };
            output: {
                uuid: string;
                created_at: string;
                content: string;
                recent_message_uuid: string;
                metadata: Record<string, unknown>;
                token_count: number;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    messages: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                limit?: unknown;
                cursor?: unknown;
                direction?: "backward" | "forward" | undefined;
                sessionId: string;
            };
            output: {
                messages: {
                    uuid: string;
                    created_at: string;
                    updated_at: string;
                    role: string;
                    role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                    content: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                    position: number;
                }[];
                next_cursor: number | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        get: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                sessionId: string;
                uuid: string;
            };
            output: {
                uuid: string;
                created_at: string;
                updated_at: string;
                role: string;
                role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                content: string;
                metadata: Record<string, unknown>;
                token_count: number;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        update: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
                uuid: string;
                patch: {
                    metadata?: Record<string, unknown> | null | undefined;
                    remove_metadata_keys?: string[] | undefined;
                };
            };
            output: {
                uuid: string;
                created_at: string;
                updated_at: string;
                role: string;
                role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                content: string;
                metadata: Record<string, unknown>;
                token_count: number;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    search: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        query: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                text?: string | null | undefined;
                metadata?: {
                    where?: unknown;
                    start_date?: string | undefined;
                    end_date?: string | undefined;
                } | null | undefined;
                search_scope?: "messages" | "summary" | null | undefined;
                search_type?: "mmr" | "similarity" | null | undefined;
                mmr_lambda?: number | null | undefined;
                sessionId?: string | undefined;
                userId?: string | undefined;
                limit?: unknown;
            };
            output: {
                message?: {
                    uuid: string;
                    created_at: string;
                    updated_at: string;
                    role: string;
                    role_type: "assistant" | "function" | "norole" | "system" | "tool" | "user";
                    content: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                } | undefined;
                summary?: {
                    uuid: string;
                    created_at: string;
                    content: string;
                    recent_message_uuid: string;
                    metadata: Record<string, unknown>;
                    token_count: number;
                } | undefined;
                metadata: Record<string, unknown>;
                session_id: string;
                dist: number;
                score: number;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    apiKeys: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        create: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                name: string;
            };
            output: {
                key: string;
                apiKey: {
                    uuid: string;
                    name: string;
                    prefix: string;
                    created_by: string;
                    created_at: string;
                    last_used_at: string | null;
                    revoked_at: string | null;
                };
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                uuid: string;
                name: string;
                prefix: string;
                created_by: string;
                created_at: string;
                last_used_at: string | null;
                revoked_at: string | null;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        revoke: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                uuid: string;
            };
            output: {
                uuid: string;
                name: string;
                prefix: string;
                created_by: string;
                created_at: string;
                last_used_at: string | null;
                revoked_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    enrichment: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        status: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                sessionId: string;
            };
            output: {
                session_id: string;
                state: "failing" | "pending" | "up_to_date";
                unsummarized_messages: number;
                unenriched_messages: number;
                unenriched_summaries: number;
                attempts: number;
                last_error: string | null;
                last_error_at: string | null;
                next_attempt_at: string | null;
                in_progress: boolean;
                last_completed_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        overview: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                summarizer: string;
                embedder: string | null;
                entities: boolean;
                worker: boolean;
                sessions_pending: number;
                sessions_failing: number;
                messages_unenriched: number;
                summaries_unenriched: number;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        failures: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                limit?: unknown;
            };
            output: {
                session_id: string;
                attempts: number;
                last_error: string | null;
                last_error_at: string | null;
                next_attempt_at: string | null;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        retry: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                sessionId: string;
            };
            output: {
                session_id: string;
                state: "failing" | "pending" | "up_to_date";
                unsummarized_messages: number;
                unenriched_messages: number;
                unenriched_summaries: number;
                attempts: number;
                last_error: string | null;
                last_error_at: string | null;
                next_attempt_at: string | null;
                in_progress: boolean;
                last_completed_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    accounts: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        status: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                needs_setup: boolean;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        setup: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                email: string;
                name?: string | undefined;
                password: string;
            };
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        signIn: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                email: string;
                password: string;
            };
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        signOut: import("@trpc/server").TRPCMutationProcedure<{
            input: void;
            output: {
                signed_out: boolean;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        me: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                id: number;
                email: string;
                role: "admin" | "operator" | "support";
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        list: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        create: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                email: string;
                name?: string | undefined;
                password: string;
                role: "admin" | "operator" | "support";
            };
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        update: import("@trpc/server").TRPCMutationProcedure<{
            input: {
                id: number;
                role?: "admin" | "operator" | "support" | undefined;
                disabled?: boolean | undefined;
                password?: string | undefined;
            };
            output: {
                id: number;
                email: string;
                name: string;
                role: "admin" | "operator" | "support";
                created_at: string;
                disabled_at: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    dashboard: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        sessions: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                query?: string | undefined;
                user_id?: string | undefined;
                from?: string | undefined;
                to?: string | undefined;
                sort?: "created_at" | "last_activity" | "message_count" | "session_id" | "token_count" | undefined;
                order?: "asc" | "desc" | undefined;
                limit?: number | undefined;
                cursor?: string | undefined;
            };
            output: {
                sessions: {
                    uuid: string;
                    id: number;
                    session_id: string;
                    user_id: string | null;
                    metadata: Record<string, unknown>;
                    memory_type: "message_window" | "perpetual" | "summary_retriever" | null;
                    message_count: number;
                    token_count: number;
                    last_message_at: string | null;
                    created_at: string;
                    updated_at: string;
                    user: {
                        email: string | null;
                        first_name: string | null;
                        last_name: string | null;
                    } | null;
                    last_activity_at: string;
                }[];
                next_cursor: string | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        users: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                query?: string | undefined;
                limit?: number | undefined;
                cursor?: number | undefined;
            };
            output: {
                users: {
                    uuid: string;
                    id: number;
                    user_id: string;
                    email: string | null;
                    first_name: string | null;
                    last_name: string | null;
                    metadata: Record<string, unknown>;
                    created_at: string;
                    updated_at: string;
                    session_count: number;
                }[];
                next_cursor: number | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        overview: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                days?: number | undefined;
            };
            output: {
                counts: {
                    users: number;
                    sessions: number;
                    messages: number;
                    summaries: number;
                    tokens: number;
                    active_api_keys: number;
                };
                activity: {
                    day: string;
                    messages: number;
                    sessions: number;
                }[];
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
        configuration: import("@trpc/server").TRPCQueryProcedure<{
            input: void;
            output: {
                name: string;
                value: string;
            }[];
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
    audit: import("@trpc/server").TRPCBuiltRouter<{
        ctx: import("./init").Context;
        meta: object;
        errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        transformer: false;
    }, import("@trpc/server").TRPCDecorateCreateRouterOptions<{
        metadataHistory: import("@trpc/server").TRPCQueryProcedure<{
            input: {
                entity_type: "message" | "session" | "user";
                entity_id: string;
                limit?: number | undefined;
                cursor?: number | undefined;
            };
            output: {
                changes: {
                    id: number;
                    entity_type: "message" | "session" | "user";
                    entity_id: string;
                    actor: string;
                    before: Record<string, unknown>;
                    after: Record<string, unknown>;
                    created_at: string;
                }[];
                next_cursor: number | null;
            };
            meta: object;
            errorShape: import("@trpc/server").TRPCDefaultErrorShape;
        }>;
    }>>;
}>>;
