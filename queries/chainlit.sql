-- BI hub chat store: the queries of Chainlit's SQL data layer (users, threads, steps, elements,
-- feedbacks) and the analytics views. Seed: ../shared/seeds/bi-hub-chainlit.md.
-- Chainlit assigns every id (no defaults) and writes "createdAt", "start" and "end" as ISO-8601
-- text, which sorts in time order; cursors compare that text.

-- A user by the identifier their auth provider gave them.
-- name: GetUserByIdentifier :one
SELECT id, identifier, metadata, "createdAt"
FROM users
WHERE identifier = @identifier;

-- A user by id.
-- name: GetUser :one
SELECT id, identifier, metadata, "createdAt"
FROM users
WHERE id = @id;

-- Create a user, or refresh the metadata of the user with this identifier; returns the stored
-- row (with the original id and "createdAt" if the user existed).
-- name: UpsertUser :one
INSERT INTO users (id, identifier, metadata, "createdAt")
VALUES (@id, @identifier, @metadata, @created_at)
ON CONFLICT (identifier) DO UPDATE SET metadata = excluded.metadata
RETURNING id, identifier, metadata, "createdAt";

-- The identifier of the user who owns a thread, for authorization checks.
-- name: GetThreadAuthor :one
SELECT u.identifier
FROM threads t
INNER JOIN users u ON u.id = t."userId"
WHERE t.id = @thread_id;

-- Create a thread or update it; on update a NULL argument keeps the stored value, and
-- "createdAt" never changes once set.
-- name: UpsertThread :exec
INSERT INTO threads (id, "createdAt", name, "userId", "userIdentifier", tags, metadata)
VALUES (@id, sqlc.narg(created_at), sqlc.narg(name), sqlc.narg(user_id),
        sqlc.narg(user_identifier), sqlc.narg(tags), sqlc.narg(metadata))
ON CONFLICT (id) DO UPDATE SET
    "createdAt" = COALESCE(threads."createdAt", excluded."createdAt"),
    name = COALESCE(excluded.name, threads.name),
    "userId" = COALESCE(excluded."userId", threads."userId"),
    "userIdentifier" = COALESCE(excluded."userIdentifier", threads."userIdentifier"),
    tags = COALESCE(excluded.tags, threads.tags),
    metadata = COALESCE(excluded.metadata, threads.metadata);

-- One thread by id.
-- name: GetThread :one
SELECT id, "createdAt", name, "userId", "userIdentifier", tags, metadata
FROM threads
WHERE id = @id;

-- One page of a user's threads, newest first. Cursor paging: pass NULL for the first page, then
-- the "createdAt" of the last thread received. Optionally filter by a LIKE pattern on the name,
-- case-insensitively (NULL for all). Threads without "createdAt" are not listed.
-- name: ListThreadsForUser :many
SELECT id, "createdAt", name, "userId", "userIdentifier", tags, metadata
FROM threads
WHERE "userId" = @user_id
  AND "createdAt" IS NOT NULL
  AND ("createdAt" < sqlc.narg(before) OR sqlc.narg(before) IS NULL)
  AND (lower(name) LIKE lower(sqlc.narg(name_pattern)) OR sqlc.narg(name_pattern) IS NULL)
ORDER BY "createdAt" DESC, id DESC
LIMIT @max_rows;

-- Rename a thread.
-- name: RenameThread :execrows
UPDATE threads
SET name = @name
WHERE id = @id;

-- Delete a thread; its steps, elements and feedbacks go with it (ON DELETE CASCADE).
-- name: DeleteThread :execrows
DELETE FROM threads
WHERE id = @id;

-- Create a step or update it (Chainlit writes a streamed message several times); on update a
-- NULL argument keeps the stored value.
-- name: UpsertStep :exec
INSERT INTO steps (
    id, name, type, "threadId", "parentId", streaming, "waitForAnswer", "isError", metadata,
    tags, input, output, "createdAt", command, start, "end", generation, "showInput", language,
    indent, "defaultOpen"
) VALUES (
    @id, @name, @type, @thread_id, sqlc.narg(parent_id), @streaming, sqlc.narg(wait_for_answer),
    sqlc.narg(is_error), sqlc.narg(metadata), sqlc.narg(tags), sqlc.narg(input),
    sqlc.narg(output), sqlc.narg(created_at), sqlc.narg(command), sqlc.narg(start_time),
    sqlc.narg(end_time), sqlc.narg(generation), sqlc.narg(show_input), sqlc.narg(language),
    sqlc.narg(indent), sqlc.narg(default_open)
)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name,
    type = excluded.type,
    streaming = excluded.streaming,
    "parentId" = COALESCE(excluded."parentId", steps."parentId"),
    "waitForAnswer" = COALESCE(excluded."waitForAnswer", steps."waitForAnswer"),
    "isError" = COALESCE(excluded."isError", steps."isError"),
    metadata = COALESCE(excluded.metadata, steps.metadata),
    tags = COALESCE(excluded.tags, steps.tags),
    input = COALESCE(excluded.input, steps.input),
    output = COALESCE(excluded.output, steps.output),
    "createdAt" = COALESCE(steps."createdAt", excluded."createdAt"),
    command = COALESCE(excluded.command, steps.command),
    start = COALESCE(excluded.start, steps.start),
    "end" = COALESCE(excluded."end", steps."end"),
    generation = COALESCE(excluded.generation, steps.generation),
    "showInput" = COALESCE(excluded."showInput", steps."showInput"),
    language = COALESCE(excluded.language, steps.language),
    indent = COALESCE(excluded.indent, steps.indent),
    "defaultOpen" = COALESCE(excluded."defaultOpen", steps."defaultOpen");

-- Finish a streamed step: its final output, end time and error flag.
-- name: FinishStep :execrows
UPDATE steps
SET output = @output, "end" = @end_time, "isError" = @is_error, streaming = FALSE
WHERE id = @id;

-- The steps of a thread in the order they were created (steps without "createdAt" last).
-- name: ListStepsForThread :many
SELECT id, name, type, "threadId", "parentId", streaming, "waitForAnswer", "isError", metadata,
       tags, input, output, "createdAt", command, start, "end", generation, "showInput",
       language, indent, "defaultOpen"
FROM steps
WHERE "threadId" = @thread_id
ORDER BY "createdAt" IS NULL, "createdAt", id;

-- Delete one step. Feedbacks and elements point at steps by "forId" without a foreign key:
-- delete them first with DeleteFeedbacksForStep and DeleteElementsForStep.
-- name: DeleteStep :execrows
DELETE FROM steps
WHERE id = @id;

-- Number of failed steps per type in a time window ("createdAt" text), for alerting.
-- name: CountErrorStepsInWindow :many
SELECT type, count(*) AS error_step_count
FROM steps
WHERE "isError" = TRUE AND "createdAt" >= @since AND "createdAt" < @until
GROUP BY type
ORDER BY error_step_count DESC, type;

-- Create an element (attachment) or replace it.
-- name: UpsertElement :exec
INSERT INTO elements (
    id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page, language,
    "forId", mime, props
) VALUES (
    @id, sqlc.narg(thread_id), sqlc.narg(type), sqlc.narg(url), sqlc.narg(chainlit_key), @name,
    sqlc.narg(display), sqlc.narg(object_key), sqlc.narg(size), sqlc.narg(page),
    sqlc.narg(language), sqlc.narg(for_id), sqlc.narg(mime), sqlc.narg(props)
)
ON CONFLICT (id) DO UPDATE SET
    "threadId" = excluded."threadId",
    type = excluded.type,
    url = excluded.url,
    "chainlitKey" = excluded."chainlitKey",
    name = excluded.name,
    display = excluded.display,
    "objectKey" = excluded."objectKey",
    size = excluded.size,
    page = excluded.page,
    language = excluded.language,
    "forId" = excluded."forId",
    mime = excluded.mime,
    props = excluded.props;

-- One element of a thread.
-- name: GetElement :one
SELECT id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page,
       language, "forId", mime, props
FROM elements
WHERE "threadId" = @thread_id AND id = @id;

-- The elements of a thread, by name.
-- name: ListElementsForThread :many
SELECT id, "threadId", type, url, "chainlitKey", name, display, "objectKey", size, page,
       language, "forId", mime, props
FROM elements
WHERE "threadId" = @thread_id
ORDER BY name, id;

-- Delete one element.
-- name: DeleteElement :execrows
DELETE FROM elements
WHERE id = @id;

-- Delete the elements attached to a step.
-- name: DeleteElementsForStep :execrows
DELETE FROM elements
WHERE "forId" = @step_id;

-- Create a feedback on a step or replace its value and comment.
-- name: UpsertFeedback :exec
INSERT INTO feedbacks (id, "forId", "threadId", value, comment)
VALUES (@id, @for_id, @thread_id, @value, sqlc.narg(comment))
ON CONFLICT (id) DO UPDATE SET value = excluded.value, comment = excluded.comment;

-- Delete one feedback.
-- name: DeleteFeedback :execrows
DELETE FROM feedbacks
WHERE id = @id;

-- Delete the feedbacks given to a step.
-- name: DeleteFeedbacksForStep :execrows
DELETE FROM feedbacks
WHERE "forId" = @step_id;

-- The feedbacks of a thread with the name, type and output of the step they rate (NULL when the
-- step is gone).
-- name: ListFeedbacksForThread :many
SELECT f.id, f."forId", f.value, f.comment,
       s.name AS step_name,
       s.type AS step_type,
       s.output AS step_output
FROM feedbacks f
LEFT JOIN steps s ON s.id = f."forId"
WHERE f."threadId" = @thread_id
ORDER BY f.id;

-- Number and mean value of the feedbacks given to each step type, across all threads: how well
-- each kind of step is rated.
-- name: SummarizeFeedbackByStepType :many
SELECT s.type,
       count(f.id) AS feedback_count,
       avg(f.value) AS avg_value
FROM feedbacks f
INNER JOIN steps s ON s.id = f."forId"
GROUP BY s.type
ORDER BY s.type;

-- A user's threads with their size and recency from chat_summary_view, most recent activity
-- first.
-- name: ListChatSummariesForUser :many
SELECT "threadId", name, "userIdentifier", "createdAt", step_count, user_message_count,
       last_step_at
FROM chat_summary_view
WHERE "userIdentifier" = @user_identifier
ORDER BY COALESCE(last_step_at, "createdAt", '') DESC, "threadId"
LIMIT @max_rows;

-- Engagement of one user from user_summary_view.
-- name: GetUserSummary :one
SELECT "userId", identifier, thread_count, first_thread_at, last_thread_at
FROM user_summary_view
WHERE identifier = @identifier;

-- The most engaged users from user_summary_view.
-- name: ListUserSummaries :many
SELECT "userId", identifier, thread_count, first_thread_at, last_thread_at
FROM user_summary_view
ORDER BY thread_count DESC, identifier
LIMIT @max_rows;

-- Step volume and errors per step type from performance_dashboard_view, busiest first.
-- name: ListPerformanceDashboard :many
SELECT type, step_count, error_count, first_at, last_at
FROM performance_dashboard_view
ORDER BY step_count DESC, type;
