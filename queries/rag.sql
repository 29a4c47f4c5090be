-- organic-fishstick RAG: the conversation and message repositories of the chat store.
-- Seed: ../shared/seeds/organic-fishstick-rag.md. Conversations are soft-deleted through their
-- status; messages are append-only. Saving a message is AppendMessage then TouchConversation,
-- in one transaction.

-- Start a conversation for a user; id, status ('active'), counters and timestamps take their
-- defaults and are returned.
-- name: CreateConversation :one
INSERT INTO conversations (user_id, title)
VALUES (@user_id, sqlc.narg(title))
RETURNING id, user_id, title, status, message_count, created_at, updated_at;

-- One conversation by id, whatever its status.
-- name: GetConversation :one
SELECT id, user_id, title, summary, status, message_count, created_at, updated_at,
       last_message_at, archived_at
FROM conversations
WHERE id = @id;

-- A user's conversations, most recent activity first (a conversation without messages counts
-- from its creation), optionally of one status (NULL for all), one page at a time.
-- name: ListConversationsForUser :many
SELECT id, user_id, title, summary, status, message_count, created_at, updated_at,
       last_message_at, archived_at
FROM conversations
WHERE user_id = @user_id
  AND (status = sqlc.narg(status) OR sqlc.narg(status) IS NULL)
ORDER BY COALESCE(last_message_at, created_at) DESC, id
LIMIT @max_rows
OFFSET @skip_rows;

-- Number of conversations of a user, optionally of one status (NULL for all).
-- name: CountConversationsForUser :one
SELECT count(*) AS conversation_count
FROM conversations
WHERE user_id = @user_id
  AND (status = sqlc.narg(status) OR sqlc.narg(status) IS NULL);

-- Soft-delete: archive a conversation and return its new state (no row if the id is unknown).
-- name: ArchiveConversation :one
UPDATE conversations
SET status = 'archived', archived_at = @now, updated_at = @now
WHERE id = @id
RETURNING id, status, archived_at, updated_at;

-- Bring an archived conversation back to active; no row if it was not archived.
-- name: UnarchiveConversation :one
UPDATE conversations
SET status = 'active', archived_at = NULL, updated_at = @now
WHERE id = @id AND status = 'archived'
RETURNING id, status, archived_at, updated_at;

-- Set any status (e.g. 'closed' or 'deleted') on a conversation.
-- name: SetConversationStatus :execrows
UPDATE conversations
SET status = @status, updated_at = @now
WHERE id = @id;

-- Rename a conversation and/or store its model-written summary.
-- name: UpdateConversationTitle :execrows
UPDATE conversations
SET title = sqlc.narg(title), summary = sqlc.narg(summary), updated_at = @now
WHERE id = @id;

-- Account for a message just appended: one more message, and the time of the last one.
-- name: TouchConversation :execrows
UPDATE conversations
SET message_count = message_count + 1, last_message_at = @now, updated_at = @now
WHERE id = @id;

-- Append a message (user, assistant or system) to a conversation; returns the stored message.
-- Pass the same created_at to TouchConversation as its now.
-- name: AppendMessage :one
INSERT INTO messages (conversation_id, role, content, msg_metadata, created_at)
VALUES (@conversation_id, @role, @content, @msg_metadata, @created_at)
RETURNING id, conversation_id, role, content, msg_metadata, created_at;

-- The last n messages of a conversation, newest first: the LLM's context window (reverse them
-- for the prompt).
-- name: GetLastMessages :many
SELECT id, role, content, msg_metadata, created_at
FROM messages
WHERE conversation_id = @conversation_id
ORDER BY created_at DESC, id DESC
LIMIT @n;

-- The messages of a conversation in the order they were written, one page at a time.
-- name: ListMessages :many
SELECT id, role, content, msg_metadata, created_at
FROM messages
WHERE conversation_id = @conversation_id
ORDER BY created_at, id
LIMIT @max_rows
OFFSET @skip_rows;

-- Number of messages of one role in a conversation.
-- name: CountMessagesByRole :one
SELECT count(*) AS message_count
FROM messages
WHERE conversation_id = @conversation_id AND role = @role;

-- Number of messages stored for a conversation.
-- name: CountMessages :one
SELECT count(*) AS message_count
FROM messages
WHERE conversation_id = @conversation_id;

-- Messages of a conversation that came from one source (msg_metadata.source), oldest first.
-- name: ListMessagesBySource :many
SELECT id, role, content, created_at
FROM messages
WHERE conversation_id = @conversation_id
  AND msg_metadata ->> 'source' = @source
ORDER BY created_at, id;

-- A user's conversations with the number of messages actually stored beside the counter kept
-- on the conversation, to find counters that drifted.
-- name: ListConversationMessageCounts :many
SELECT c.id, c.title, c.message_count,
       count(m.id) AS stored_message_count
FROM conversations c
LEFT JOIN messages m ON m.conversation_id = c.id
WHERE c.user_id = @user_id
GROUP BY c.id, c.title, c.message_count
ORDER BY c.id;

-- A user's active conversations from the active_conversations view, most recent activity first.
-- name: ListActiveConversations :many
SELECT id, user_id, title, message_count, created_at, last_message_at
FROM active_conversations
WHERE user_id = @user_id
ORDER BY COALESCE(last_message_at, created_at) DESC, id
LIMIT @max_rows;
