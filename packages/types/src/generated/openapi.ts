// This file is generated from spec/ by openapi-typescript. Do not edit it by hand.
// To change it, edit the spec and run `pnpm --filter @community-api/types generate` (or `pnpm build`).
/* eslint-disable */

export interface paths {
    "/api/v2/course/{id}/invite/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Course Invited Users
         * @description This endpoint retrieves the list of all invited users to the course identified by `{id}`.
         *     (inferred: the meaning of "invited") Invited means the invitation is pending (the user's `join_status` in the course is `invited`).
         *
         *     **Requires the course `creator` or `manager` role** (`x-required-roles`). (inferred: the statuses; the pages list only 200) Without it the API
         *     answers 403; without a valid token 401; for an unknown course 404.
         *
         *     (inferred: the scope) An OAuth 2.0 token needs the `read` scope: the reference names the
         *     scopes `read` and `write`, not which operation needs which.
         *
         *     Every item contains only `id`, `username`, `real_name`, `ext_id` and `avatar` (a projection
         *     of `User`); see `CourseInvitedUser`.
         */
        get: operations["getCourseInvitedUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/event/{id}/invite/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Event Invited Users
         * @description This endpoint retrieves the list of all invited users to the event identified by `{id}`.
         *     (inferred: the meaning of "invited") Invited means the invitation is pending (the user's `subscription_status` in the event is
         *     `invited`).
         *
         *     **Requires the event `manager` role** (`x-required-roles`). (inferred: the statuses; the pages list only 200) Without it the API answers 403;
         *     without a valid token 401; for an unknown event 404.
         *
         *     (inferred: the scope) An OAuth 2.0 token needs the `read` scope: the reference names the
         *     scopes `read` and `write`, not which operation needs which.
         *
         *     The reference says every item contains only `id`, `username`, `real_name`, `ext_id` and
         *     `avatar`, yet its example response shows a full `User`. Each item is therefore an
         *     `EventInvitedUser`, a full `User` in which the five fields are required (inferred) and any
         *     other `User` field may be there too (see the `fullUsers` example).
         */
        get: operations["getEventInvitedUsers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v2/course/{id}/users/": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Get Course Dashboard Users
         * @description This endpoint retrieves the list of all users that joined the course identified by `{id}`;
         *     it will also return some useful stats that can be used to make a course dashboard (inferred:
         *     the stats named, from `CourseUserDashboard`'s fields: completion rate, last activity, join
         *     date).
         *
         *     **Requires the course `creator` or `manager` role** (`x-required-roles`). (inferred: the statuses; the pages list only 200) Without it the API
         *     answers 403; without a valid token 401; for an unknown course 404.
         *
         *     (inferred: the scope) An OAuth 2.0 token needs the `read` scope: the reference names the
         *     scopes `read` and `write`, not which operation needs which.
         *
         *     By default only members whose `join_status` is `manager` or `joined` are listed, newest
         *     first (`ordering=-joined_at`). Every item contains only the fields of `CourseUserDashboard`.
         */
        get: operations["getCourseDashboardUsers"];
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
    schemas: {
        /**
         * PageEnvelope
         * @description The `limit`/`offset` pagination envelope of every list. The reference pages mark its fields as
         *     not required (`Required: false`); this spec's "(inferred: required)" mark overrides them on
         *     purpose: this is the envelope of Django REST framework's limit/offset paginator, which always
         *     sends all four (`null` for a missing link), so clients need no `undefined` checks.
         */
        PageEnvelope: {
            /**
             * @description (inferred: required, overriding the pages' `Required: false`) Total results count (across all
             *     pages).
             */
            count: number;
            /**
             * Format: uri
             * @description (inferred: required, overriding the pages' `Required: false`) Next page url: the absolute URL
             *     of this same list with the next `offset`, query string included (e.g.
             *     `…/?limit=20&offset=40`); `null` on the last page.
             */
            next: string | null;
            /**
             * Format: uri
             * @description (inferred: required, overriding the pages' `Required: false`) Previous page url (absolute,
             *     like `next`); `null` on the first page.
             */
            previous: string | null;
        };
        /**
         * CourseInvitedUser
         * @description A user with a pending invitation to a course: the five-field projection of `User` that the
         *     course invite list returns. The reference says every item contains only `id`, `username`,
         *     `real_name`, `ext_id` and `avatar`, and the course page shows nothing else, so this schema
         *     lists those five and no other `User` field. (The event invite list differs: its reference
         *     example shows a full `User`, see `EventInvitedUser`.)
         *
         *     The reference marks none as required; all five are required here (inferred: a serializer sends
         *     every field it declares, `null` where there is no value). Each is typed as in `User`.
         */
        CourseInvitedUser: {
            /** @description (inferred: required, at least 1) Unique user id. */
            readonly id: number;
            /** @description (inferred: required) Letters, digits, `-` and `_`. */
            readonly username: string;
            /** @description (inferred: required) The user's real name; often `""`. */
            readonly real_name: string;
            /**
             * @description (inferred: required) External id set at signup, `null` when none was set. A string since
             *     2026 (an integer in older examples): treat it as opaque and compare it as a string.
             */
            readonly ext_id: string | number | null;
            /**
             * Format: uri
             * @description (inferred: required) Avatar image URL, `null` when none.
             */
            readonly avatar: string | null;
        };
        /**
         * CourseInvitedUserPage
         * @description A page of users with a pending invitation to a course. Each item is a `CourseInvitedUser`: only
         *     `id`, `username`, `real_name`, `ext_id` and `avatar`, as the reference says.
         */
        CourseInvitedUserPage: components["schemas"]["PageEnvelope"] & {
            /**
             * @description (inferred: required, overriding the pages' `Required: false`) List of results. Every items
             *     will contain only the following attributes: id, username, real_name, ext_id and avatar.
             */
            results: components["schemas"]["CourseInvitedUser"][];
        };
        /**
         * ErrorItem
         * @description One error. (source: the provider's official JavaScript SDK (how it parses error bodies))
         */
        ErrorItem: {
            /** @description A stable machine-readable code (e.g. `invalid`, `not_authenticated`). (source: the provider's official JavaScript SDK (how it parses error bodies)) */
            code: string;
            /** @description A human-readable message. (source: the provider's official JavaScript SDK (how it parses error bodies)) */
            message: string;
        };
        /**
         * FieldError
         * @description The errors about one request field or query parameter. (source: the provider's official JavaScript SDK (how it parses error bodies))
         */
        FieldError: {
            /** @description The name of the field or parameter (e.g. `limit`). (source: the provider's official JavaScript SDK (how it parses error bodies)) */
            field: string;
            /** @description (source: the provider's official JavaScript SDK (how it parses error bodies)) */
            messages: components["schemas"]["ErrorItem"][];
        };
        /**
         * ErrorList
         * @description A list of errors, each either general (`ErrorItem`) or about one field or parameter (`FieldError`). (source: the provider's official JavaScript SDK (how it parses error bodies))
         */
        ErrorList: {
            /** @description (source: the provider's official JavaScript SDK (how it parses error bodies)) */
            errors: (components["schemas"]["ErrorItem"] | components["schemas"]["FieldError"])[];
        };
        /**
         * ErrorDetail
         * @description (inferred: Django REST framework's own errors (authentication, permission, throttling) have this shape; the SDK does not parse it) A framework-level error with a single human-readable message.
         */
        ErrorDetail: {
            /** @description (inferred: Django REST framework's error shape) What went wrong. */
            detail: string;
        };
        /**
         * ErrorBody
         * @description The body of an error response. No endpoint page documents one; the provider's official SDK
         *     parses `{"errors": [...]}` (`ErrorList`), and some framework-level errors are
         *     `{"detail": "..."}` (`ErrorDetail`) instead. Clients must also cope with an empty or non-JSON
         *     body (e.g. an HTML page from a proxy). (source: the provider's official JavaScript SDK (how it parses error bodies))
         */
        ErrorBody: components["schemas"]["ErrorList"] | components["schemas"]["ErrorDetail"];
        /**
         * Tag
         * @description A tag attached to a user, a category or a contribution. (source: Tag (the provider's schema reference))
         */
        Tag: {
            /** @description (inferred: at least 1) Unique tag id. (source: Tag (the provider's schema reference)) */
            readonly id?: number;
            /**
             * @description What the tag applies to. (source: Tag (the provider's schema reference))
             * @enum {string}
             */
            type: "user" | "category" | "contribution";
            /** @description The tag's name. (source: Tag (the provider's schema reference)) */
            name: string;
            /** @description A longer description. (source: Tag (the provider's schema reference)) */
            description?: string | null;
            /** @description Display color as `#rrggbb`. (source: Tag (the provider's schema reference)) */
            color?: string;
            /** @description Whether the tag is shown publicly. (source: Tag (the provider's schema reference)) */
            visible?: boolean;
            /** @description Whether the tag boosts the visibility of what it is attached to. (source: Tag (the provider's schema reference)) */
            visibility_boost?: boolean;
            /** @description Whether the tag is active. (source: Tag (the provider's schema reference)) */
            active?: boolean;
            /** @description Whether the tag is deleted. (source: Tag (the provider's schema reference)) */
            deleted?: boolean;
            /**
             * Format: date-time
             * @description When the tag was created. (source: Tag (the provider's schema reference))
             */
            readonly created_at?: string;
        };
        /**
         * User
         * @description A community member (the full object). All fields are read-only and none is guaranteed: the
         *     reference marks none as required, and several appear only when a community feature is on
         *     (following, post types). Communities can define custom user fields, which the API returns as
         *     if they were standard fields (e.g. `company_name`, `company_role`), so unknown extra keys are
         *     allowed. (source: User (the provider's schema reference))
         */
        User: {
            /** @description (inferred: at least 1) Unique user id. (source: User (the provider's schema reference)) */
            readonly id?: number;
            /** @description Letters, digits, `-` and `_`. (source: User (the provider's schema reference)) */
            readonly username?: string;
            /** @description The user's real name; often `""`. (source: User (the provider's schema reference)) */
            readonly real_name?: string;
            /**
             * Format: uri
             * @description Avatar image URL. (source: User (the provider's schema reference))
             */
            readonly avatar?: string | null;
            /**
             * @description External id set at signup, `null` when none was set. The event page's example shows an
             *     integer; the reference changed the type to string in 2026. Both are accepted: treat the
             *     value as opaque and compare it as a string.
             */
            readonly ext_id?: string | number | null;
            /** @description How many users this user follows. Present only when following is enabled. (source: User (the provider's schema reference)) */
            readonly followings_counter?: number | null;
            /** @description How many users follow this user. Present only when following is enabled. (source: User (the provider's schema reference)) */
            readonly followers_counter?: number | null;
            /** @description Number of posts. Present only when post types are enabled. (source: User (the provider's schema reference)) */
            readonly posts_counter?: number | null;
            /** @description Number of discussions. Present only when post types are enabled. (source: User (the provider's schema reference)) */
            readonly discussions_counter?: number | null;
            /** @description Number of polls. (source: User (the provider's schema reference)) */
            readonly polls_counter?: number | null;
            /** @description Number of followed categories. (source: User (the provider's schema reference)) */
            readonly categories_counter?: number | null;
            /**
             * @description The relation between the caller and this user, `null` when there is none. (source: User (the provider's schema reference))
             * @enum {string|null}
             */
            readonly connection_status?: "followed" | "connected" | "sent_connection_request" | "received_connection_request" | null;
            /**
             * Format: date-time
             * @description When the user signed up, with microseconds and offset (e.g. `2024-04-10T14:37:48.153981+02:00`). (source: User (the provider's schema reference))
             */
            readonly date_joined?: string;
            /** @description Short biography; often `""`. (source: User (the provider's schema reference)) */
            readonly bio?: string;
            /** @description Free-text location. (source: User (the provider's schema reference)) */
            readonly location?: string;
            /** @description Coordinates of `location` as `"lat,lng"`. (source: User (the provider's schema reference)) */
            readonly location_lat_lng?: string | null;
            /** @description Last known position as `"lat,lng"`. (source: User (the provider's schema reference)) */
            readonly position_lat_lng?: string | null;
            /**
             * Format: date
             * @description Date of birth, `YYYY-MM-DD`. (source: User (the provider's schema reference))
             */
            readonly date_of_birth?: string | null;
            /** @description A short description. (source: User (the provider's schema reference)) */
            readonly description?: string;
            /**
             * @description Gender. (source: User (the provider's schema reference))
             * @default Unspecified
             * @enum {string}
             */
            readonly gender?: "Male" | "Female" | "Unspecified";
            /** @description Website URL; often `""` (so not validated as a URI). (source: User (the provider's schema reference)) */
            readonly website?: string;
            /**
             * Format: uri
             * @description Cover image URL. (source: User (the provider's schema reference))
             */
            readonly cover?: string | null;
            /** @description Tags of the user; often `[]`. (source: User (the provider's schema reference)) */
            readonly tags?: components["schemas"]["Tag"][];
            /** @description Reputation points. (source: User (the provider's schema reference)) */
            readonly reputation?: number;
            /**
             * @description Whether the user carries the community badge. (source: User (the provider's schema reference))
             * @default false
             */
            readonly community_badge?: boolean;
            /** @description False only while a user who needs approval has not been approved. (source: User (the provider's schema reference)) */
            readonly reg_approved?: boolean;
            /** @description An example of a community-defined custom field. (source: User (the provider's schema reference)) */
            readonly company_name?: string | null;
            /** @description An example of a community-defined custom field. (source: User (the provider's schema reference)) */
            readonly company_role?: string | null;
            /** @description Whether the account is deleted. (source: User (the provider's schema reference)) */
            readonly deleted?: boolean;
            /**
             * Format: date-time
             * @description When the account was deleted; present only when `deleted` is true. (source: User (the provider's schema reference))
             */
            readonly deleted_at?: string;
            /** @description Whether the caller may send a private message to this user; only on the single-user endpoint. (source: User (the provider's schema reference)) */
            readonly can_send_pm_to?: boolean;
            /**
             * @description (inferred: seen in real payloads only) Preferred language (e.g. `it`); no reference page
             *     lists it.
             */
            readonly language?: string;
        } & {
            [key: string]: unknown;
        };
        /**
         * EventInvitedUser
         * @description A user with a pending invitation to an event: a full `User`. The event reference says every
         *     item contains only `id`, `username`, `real_name`, `ext_id` and `avatar`, yet its example
         *     response shows a full `User` (about 30 fields), so this schema is a `User`: the five fields
         *     are always there, any other `User` field (and a community's custom fields) may be. (The
         *     course invite list shows only the five, see `CourseInvitedUser`.)
         *
         *     The reference marks none as required; the five are required here (inferred: a serializer sends
         *     every field it declares, `null` where there is no value). They are listed again next to
         *     `required`, so that code generators keep them required (some lose a `required` that stands
         *     beside an `allOf` alone); their types and bounds are those of `User`.
         */
        EventInvitedUser: {
            /** @description (inferred: required, at least 1) Unique user id. */
            readonly id: number;
            /** @description (inferred: required) Letters, digits, `-` and `_`. */
            readonly username: string;
            /** @description (inferred: required) The user's real name; often `""`. */
            readonly real_name: string;
            /**
             * @description (inferred: required) External id set at signup, `null` when none was set. The event
             *     page's example shows an integer; the reference changed the type to string in 2026.
             *     Both are accepted: treat the value as opaque and compare it as a string.
             */
            readonly ext_id: string | number | null;
            /** @description (inferred: required) Avatar image URL, `null` when none. */
            readonly avatar: string | null;
        } & components["schemas"]["User"];
        /**
         * EventInvitedUserPage
         * @description A page of users with a pending invitation to an event. Each item is an `EventInvitedUser`: a full
         *     `User`, as the reference's example response shows, with at least `id`, `username`, `real_name`,
         *     `ext_id` and `avatar`.
         */
        EventInvitedUserPage: components["schemas"]["PageEnvelope"] & {
            /**
             * @description (inferred: required, overriding the pages' `Required: false`) List of results. The
             *     reference says every item contains only id, username, real_name, ext_id and avatar, but
             *     its example shows full `User` objects: expect the five, accept any other `User` field.
             */
            results: components["schemas"]["EventInvitedUser"][];
        };
        /**
         * JoinStatus
         * @description A user's status in a course (the meaning of each value is listed with it). `payment_waiting` is
         *     not in the reference; the provider's official SDK knows it, so clients should expect it.
         *
         *     A user with no status at all is represented by `null` where a field allows it
         *     (e.g. `CourseUserDashboard.join_status`). (source: Course (the provider's schema reference, join_status values))
         * @enum {string}
         */
        JoinStatus: "creator" | "manager" | "joined" | "invited" | "requested" | "payment_waiting";
        /**
         * StatusesFilter
         * @description The value of the `statuses` query parameter: a single bare `JoinStatus` (`creator`) or a JSON
         *     array of them (`["joined","manager"]`), sent as ONE parameter and percent-encoded.
         * @default ["manager","joined"]
         */
        StatusesFilter: components["schemas"]["JoinStatus"] | string;
        /**
         * DashboardOrdering
         * @description Sort order of the course dashboard users (see the meaning of each value). The reference lists
         *     `joined_at` and `last_active_at`; its default `-joined_at` shows the Django REST framework
         *     convention that a leading `-` means descending, so the `-` forms are accepted too (inferred).
         * @default -joined_at
         * @enum {string}
         */
        DashboardOrdering: "joined_at" | "-joined_at" | "last_active_at" | "-last_active_at";
        /**
         * CourseUserDashboard
         * @description A member of a course with the stats a course dashboard needs. The reference says every item
         *     contains "only the necessary fields" (these eight) and marks none as required. They are
         *     required here (inferred): a serializer sends every field it declares, `null` where there is
         *     no value. (source: Course User Dashboard (the provider's schema reference))
         */
        CourseUserDashboard: {
            /** @description (inferred: required, at least 1) The user's id. (source: Course User Dashboard (the provider's schema reference)) */
            id: number;
            /**
             * @description (inferred: required; pattern and length from `User.username`, the same user's field,
             *     which the dashboard reference does not restate) Letters, digits, `-` and `_`. (source: Course User Dashboard (the provider's schema reference))
             */
            username: string;
            /** @description (inferred: required) The user's real name; often `""`. (source: Course User Dashboard (the provider's schema reference)) */
            real_name: string;
            /**
             * Format: uri
             * @description (inferred: required) Avatar image URL, `null` when none. (source: Course User Dashboard (the provider's schema reference))
             */
            avatar: string | null;
            /** @description (inferred: required) The user's status in the course, `null` for none. (source: Course User Dashboard (the provider's schema reference)) */
            join_status: components["schemas"]["JoinStatus"] | null;
            /**
             * @description (inferred: required, 0–100, fractions) Percent of the course the user has completed. The
             *     provider's reference documents an integer and no bounds; a percentage lies in 0–100, and the value is
             *     computed and the official SDK rounds it, so fractions may occur. (source: Course User Dashboard (the provider's schema reference))
             */
            user_completion_rate: number;
            /**
             * Format: date-time
             * @description (inferred: required, `null` if never, the meaning) When the user last completed a lesson. (source: Course User Dashboard (the provider's schema reference))
             */
            last_active_at: string | null;
            /**
             * Format: date-time
             * @description (inferred: required, `null` possible) When the user joined the course. (source: Course User Dashboard (the provider's schema reference))
             */
            joined_at: string | null;
        };
        /**
         * CourseUserDashboardPage
         * @description A page of course members with their dashboard stats.
         */
        CourseUserDashboardPage: components["schemas"]["PageEnvelope"] & {
            /**
             * @description (inferred: required, overriding the pages' `Required: false`) List of results. Every items
             *     will contain only the necessary fields.
             */
            results: components["schemas"]["CourseUserDashboard"][];
        };
    };
    responses: {
        /**
         * @description (inferred: this status on these operations, body) A paging parameter (`limit`, `offset`) is
         *     invalid. No reference page documents the error body; per the official SDK it is an `ErrorBody`
         *     whose `FieldError` names the parameter.
         */
        BadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description (inferred: this status on these operations, body) The token is missing, expired or invalid. No
         *     reference page documents the error body.
         */
        Unauthorized: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description (inferred: this status on these operations, body) The caller lacks the role the operation requires
         *     (see `x-required-roles`). No reference page documents the error body.
         */
        Forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description (inferred: this status on these operations, body) No course or event has this id. No reference
         *     page documents the error body.
         */
        NotFound: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description (inferred: this status on these operations, body, `Retry-After`) Too many requests; wait as
         *     `Retry-After` says (when sent), then retry. The provider's reference lists 429 among the API's
         *     statuses; no page documents its body or headers.
         */
        TooManyRequests: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description (inferred: this status on these operations, body, `Retry-After`) The server, or a gateway in front
         *     of it, failed. The provider's reference lists 500 and 503 among the whole API's statuses. The body
         *     may be an `ErrorBody`, an HTML page or empty; retrying later may succeed (the typed client retries
         *     a GET, honouring `Retry-After` when sent).
         */
        ServerError: {
            headers: {
                "Retry-After": components["headers"]["RetryAfter"];
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
        /**
         * @description (inferred: this status on these operations, body) A query parameter (`limit`, `offset`,
         *     `statuses`, `ordering`) is invalid. No reference page documents the error body; per the official
         *     SDK it is an `ErrorBody` whose `FieldError` names the parameter.
         */
        DashboardUsersBadRequest: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorBody"];
            };
        };
    };
    parameters: {
        /**
         * @description (inferred: at most 18 digits) A unique integer value identifying this course. The reference
         *     types it as a string; its value is an integer, so this spec takes decimal digits, at most 18 (a
         *     64-bit id), and `42` and `"42"` name the same course. Anything else (e.g. `abc`, `4.2`,
         *     `-1`) names no course: the typed client rejects it before sending, and the realistic mock
         *     answers 404, as a URL resolver would (the API's answer is not documented).
         * @example 1
         */
        CourseId: string;
        /**
         * @description (inferred: minimum 1) Number of results to return per page. The API documents no default or
         *     maximum page size; the minimum of 1 is this spec's (a page of nothing would never advance).
         */
        Limit: number;
        /**
         * @description (inferred: default 0) The initial index from which to return the results (0-based). The
         *     reference states no default; without it a list starts at its first result (Django REST
         *     framework's paginator).
         */
        Offset: number;
        /**
         * @description (inferred: at most 18 digits) A unique integer value identifying this event. The reference
         *     types it as a string; its value is an integer, so this spec takes decimal digits, at most 18 (a
         *     64-bit id), and `7` and `"7"` name the same event. Anything else (e.g. `abc`, `4.2`,
         *     `-1`) names no event: the typed client rejects it before sending, and the realistic mock
         *     answers 404, as a URL resolver would (the API's answer is not documented).
         * @example 1
         */
        EventId: string;
        /** @description A search term (search inside username and real_name of the users). How terms match is not documented. */
        Search: string;
        /**
         * @description Filter by the members' `join_status` (values of `JoinStatus`); default: `["manager", "joined"]`.
         *
         *     **Wire format.** The API takes ONE `statuses` parameter whose value is either a JSON array of
         *     join statuses or a single bare status:
         *
         *     | you want | send (before percent-encoding) | on the wire |
         *     |---|---|---|
         *     | several statuses | `statuses=["joined","manager"]` | `statuses=%5B%22joined%22%2C%22manager%22%5D` |
         *     | one status | `statuses=creator` | `statuses=creator` |
         *
         *     This is **not** the OpenAPI default for an array parameter (`style: form, explode: true`,
         *     i.e. repeated keys `statuses=joined&statuses=manager`), nor `statuses[]=…` brackets nor a comma
         *     list: the two forms above are what the reference's type (`list(string)¦string`) describes, and
         *     how the API treats the others is not documented. The provider's official SDK sends them only
         *     when given a JSON string: given the array its own types ask for, it sends `statuses[]=…`
         *     (axios's form for an array). The parameter is therefore modelled as a string that holds either
         *     form (see `StatusesFilter`); the typed client accepts a status or an array and serializes it
         *     this way. The mock answers repeated keys with a 400 naming `statuses` (inferred: the API reads
         *     one value). (inferred: the API ignores it) `statuses[]=…` is a name the API does not know, so
         *     it applies the default filter: a 200 with silently wrong data. The mock does the same, and
         *     flags it in a `community-api-mock-warning` response header and a warning line of its log.
         */
        Statuses: components["schemas"]["StatusesFilter"];
        /**
         * @description (inferred: the `-` forms) The order of the users. Default to `-joined_at`. A leading `-` sorts
         *     descending (Django REST framework convention), so all four forms are accepted; the reference
         *     lists `joined_at` and `last_active_at`.
         * @example -last_active_at
         */
        Ordering: components["schemas"]["DashboardOrdering"];
    };
    requestBodies: never;
    headers: {
        /**
         * @description (inferred) How long to wait before retrying, in seconds or as an HTTP date. Not in the
         *     reference: Django REST framework's throttling sends it with a 429; it may be absent.
         */
        RetryAfter: string;
    };
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    getCourseInvitedUsers: {
        parameters: {
            query?: {
                /**
                 * @description (inferred: minimum 1) Number of results to return per page. The API documents no default or
                 *     maximum page size; the minimum of 1 is this spec's (a page of nothing would never advance).
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description (inferred: default 0) The initial index from which to return the results (0-based). The
                 *     reference states no default; without it a list starts at its first result (Django REST
                 *     framework's paginator).
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description (inferred: at most 18 digits) A unique integer value identifying this course. The reference
                 *     types it as a string; its value is an integer, so this spec takes decimal digits, at most 18 (a
                 *     64-bit id), and `42` and `"42"` name the same course. Anything else (e.g. `abc`, `4.2`,
                 *     `-1`) names no course: the typed client rejects it before sending, and the realistic mock
                 *     answers 404, as a URL resolver would (the API's answer is not documented).
                 * @example 1
                 */
                id: components["parameters"]["CourseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description A page of the course's pending invitations (`CourseInvitedUserPage`); `next` links to the
             *     following page, `null` on the last.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseInvitedUserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getEventInvitedUsers: {
        parameters: {
            query?: {
                /**
                 * @description (inferred: minimum 1) Number of results to return per page. The API documents no default or
                 *     maximum page size; the minimum of 1 is this spec's (a page of nothing would never advance).
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description (inferred: default 0) The initial index from which to return the results (0-based). The
                 *     reference states no default; without it a list starts at its first result (Django REST
                 *     framework's paginator).
                 */
                offset?: components["parameters"]["Offset"];
            };
            header?: never;
            path: {
                /**
                 * @description (inferred: at most 18 digits) A unique integer value identifying this event. The reference
                 *     types it as a string; its value is an integer, so this spec takes decimal digits, at most 18 (a
                 *     64-bit id), and `7` and `"7"` name the same event. Anything else (e.g. `abc`, `4.2`,
                 *     `-1`) names no event: the typed client rejects it before sending, and the realistic mock
                 *     answers 404, as a URL resolver would (the API's answer is not documented).
                 * @example 1
                 */
                id: components["parameters"]["EventId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description A page of the event's pending invitations (`EventInvitedUserPage`); `next` links to the
             *     following page, `null` on the last.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["EventInvitedUserPage"];
                };
            };
            400: components["responses"]["BadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
    getCourseDashboardUsers: {
        parameters: {
            query?: {
                /**
                 * @description (inferred: minimum 1) Number of results to return per page. The API documents no default or
                 *     maximum page size; the minimum of 1 is this spec's (a page of nothing would never advance).
                 */
                limit?: components["parameters"]["Limit"];
                /**
                 * @description (inferred: default 0) The initial index from which to return the results (0-based). The
                 *     reference states no default; without it a list starts at its first result (Django REST
                 *     framework's paginator).
                 */
                offset?: components["parameters"]["Offset"];
                /** @description A search term (search inside username and real_name of the users). How terms match is not documented. */
                search?: components["parameters"]["Search"];
                /**
                 * @description Filter by the members' `join_status` (values of `JoinStatus`); default: `["manager", "joined"]`.
                 *
                 *     **Wire format.** The API takes ONE `statuses` parameter whose value is either a JSON array of
                 *     join statuses or a single bare status:
                 *
                 *     | you want | send (before percent-encoding) | on the wire |
                 *     |---|---|---|
                 *     | several statuses | `statuses=["joined","manager"]` | `statuses=%5B%22joined%22%2C%22manager%22%5D` |
                 *     | one status | `statuses=creator` | `statuses=creator` |
                 *
                 *     This is **not** the OpenAPI default for an array parameter (`style: form, explode: true`,
                 *     i.e. repeated keys `statuses=joined&statuses=manager`), nor `statuses[]=…` brackets nor a comma
                 *     list: the two forms above are what the reference's type (`list(string)¦string`) describes, and
                 *     how the API treats the others is not documented. The provider's official SDK sends them only
                 *     when given a JSON string: given the array its own types ask for, it sends `statuses[]=…`
                 *     (axios's form for an array). The parameter is therefore modelled as a string that holds either
                 *     form (see `StatusesFilter`); the typed client accepts a status or an array and serializes it
                 *     this way. The mock answers repeated keys with a 400 naming `statuses` (inferred: the API reads
                 *     one value). (inferred: the API ignores it) `statuses[]=…` is a name the API does not know, so
                 *     it applies the default filter: a 200 with silently wrong data. The mock does the same, and
                 *     flags it in a `community-api-mock-warning` response header and a warning line of its log.
                 */
                statuses?: components["parameters"]["Statuses"];
                /**
                 * @description (inferred: the `-` forms) The order of the users. Default to `-joined_at`. A leading `-` sorts
                 *     descending (Django REST framework convention), so all four forms are accepted; the reference
                 *     lists `joined_at` and `last_active_at`.
                 * @example -last_active_at
                 */
                ordering?: components["parameters"]["Ordering"];
            };
            header?: never;
            path: {
                /**
                 * @description (inferred: at most 18 digits) A unique integer value identifying this course. The reference
                 *     types it as a string; its value is an integer, so this spec takes decimal digits, at most 18 (a
                 *     64-bit id), and `42` and `"42"` name the same course. Anything else (e.g. `abc`, `4.2`,
                 *     `-1`) names no course: the typed client rejects it before sending, and the realistic mock
                 *     answers 404, as a URL resolver would (the API's answer is not documented).
                 * @example 1
                 */
                id: components["parameters"]["CourseId"];
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /**
             * @description A page of the course's members with their dashboard stats (`CourseUserDashboardPage`);
             *     `next` links to the following page, `null` on the last.
             */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["CourseUserDashboardPage"];
                };
            };
            400: components["responses"]["DashboardUsersBadRequest"];
            401: components["responses"]["Unauthorized"];
            403: components["responses"]["Forbidden"];
            404: components["responses"]["NotFound"];
            429: components["responses"]["TooManyRequests"];
            "5XX": components["responses"]["ServerError"];
        };
    };
}
