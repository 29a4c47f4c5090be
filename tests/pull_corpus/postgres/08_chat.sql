-- Imitates: a team chat service (workspaces, channels, messages, reactions, attachments).
-- Exercises: uuid primary keys with gen_random_uuid(); uuid[] and text[] arrays; a serial
-- column beside a composite primary key (per-channel message sequence); bytea; time;
-- char(n); composite primary key; composite foreign key ON DELETE CASCADE; FK SET NULL;
-- unique constraint over several columns; expression index; partial index;
-- plpgsql trigger (AFTER INSERT) maintaining a counter; COMMENT ON.

CREATE TABLE workspaces (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        varchar(80) NOT NULL,
    locale      char(5) NOT NULL DEFAULT 'en_US',
    quiet_from  time DEFAULT '22:00',
    quiet_to    time DEFAULT '07:00',
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE channels (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    workspace_id  uuid NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    name          varchar(80) NOT NULL,
    is_private    boolean NOT NULL DEFAULT false,
    member_ids    uuid[] NOT NULL DEFAULT '{}',
    message_count bigint NOT NULL DEFAULT 0,
    CONSTRAINT channels_workspace_name_key UNIQUE (workspace_id, name)
);
CREATE INDEX channels_name_ci_idx ON channels (workspace_id, lower(name));

CREATE TABLE messages (
    channel_id  uuid NOT NULL REFERENCES channels (id) ON DELETE CASCADE,
    seq         bigint NOT NULL,
    global_id   bigserial NOT NULL UNIQUE,
    author_id   uuid,
    body        text NOT NULL DEFAULT '',
    mentions    uuid[],
    edited      boolean NOT NULL DEFAULT false,
    sent_at     timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at  timestamptz,
    PRIMARY KEY (channel_id, seq)
);
CREATE INDEX messages_visible_idx ON messages (channel_id, sent_at DESC) WHERE deleted_at IS NULL;
COMMENT ON COLUMN messages.global_id IS 'Monotonic id across all channels, used for sync cursors';

CREATE TABLE reactions (
    channel_id  uuid NOT NULL,
    seq         bigint NOT NULL,
    user_id     uuid NOT NULL,
    emoji       varchar(32) NOT NULL,
    PRIMARY KEY (channel_id, seq, user_id, emoji),
    FOREIGN KEY (channel_id, seq) REFERENCES messages (channel_id, seq) ON DELETE CASCADE
);

CREATE TABLE attachments (
    id          serial PRIMARY KEY,
    channel_id  uuid,
    seq         bigint,
    filename    varchar NOT NULL,
    mime_type   varchar(100) NOT NULL DEFAULT 'application/octet-stream',
    thumbnail   bytea,
    size_bytes  bigint NOT NULL CHECK (size_bytes >= 0),
    FOREIGN KEY (channel_id, seq) REFERENCES messages (channel_id, seq) ON DELETE SET NULL
);

CREATE FUNCTION bump_message_count() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE channels SET message_count = message_count + 1 WHERE id = NEW.channel_id;
    RETURN NULL;
END;
$$;
CREATE TRIGGER messages_count AFTER INSERT ON messages
    FOR EACH ROW EXECUTE FUNCTION bump_message_count();

INSERT INTO workspaces (id, name) VALUES ('11111111-1111-1111-1111-111111111111', 'Acme');
INSERT INTO channels (id, workspace_id, name, member_ids) VALUES
    ('22222222-2222-2222-2222-222222222222', '11111111-1111-1111-1111-111111111111', 'general',
     ARRAY['33333333-3333-3333-3333-333333333333']::uuid[]);
INSERT INTO messages (channel_id, seq, author_id, body) VALUES
    ('22222222-2222-2222-2222-222222222222', 1, '33333333-3333-3333-3333-333333333333', 'hello'),
    ('22222222-2222-2222-2222-222222222222', 2, '33333333-3333-3333-3333-333333333333', 'anyone?');
INSERT INTO reactions VALUES
    ('22222222-2222-2222-2222-222222222222', 1, '33333333-3333-3333-3333-333333333333', ':wave:');
INSERT INTO attachments (channel_id, seq, filename, thumbnail, size_bytes) VALUES
    ('22222222-2222-2222-2222-222222222222', 2, 'cat.png', '\x89504e47', 2048);
