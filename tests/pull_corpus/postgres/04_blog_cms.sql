-- Imitates: a blog / CMS (authors, posts, tags, comments).
-- Exercises: enum with odd labels (spaces, capitals, hyphens, quotes); varchar(20)[] and
-- int[] arrays; generated column (GENERATED ALWAYS AS (...) STORED); plpgsql trigger
-- function + CREATE TRIGGER (BEFORE UPDATE); SQL-language function; expression index on
-- lower(); partial index WHERE deleted_at IS NULL; view; materialized view with an index;
-- FK ON DELETE CASCADE / SET NULL; COMMENT ON.

CREATE TYPE post_state AS ENUM ('draft', 'in review', 'Published', 'On-Hold', 'it''s done');

CREATE TABLE authors (
    id           serial PRIMARY KEY,
    handle       varchar(40) NOT NULL,
    display_name varchar NOT NULL,
    bio          text DEFAULT 'No bio yet.',
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX authors_handle_ci_key ON authors (lower(handle));

CREATE TABLE posts (
    id            bigserial PRIMARY KEY,
    author_id     integer REFERENCES authors (id) ON DELETE SET NULL,
    slug          varchar(200) NOT NULL UNIQUE,
    title         text NOT NULL,
    body          text NOT NULL DEFAULT '',
    state         post_state NOT NULL DEFAULT 'draft',
    tags          varchar(20)[] NOT NULL DEFAULT '{}',
    related_ids   int[],
    word_count    integer GENERATED ALWAYS AS (array_length(regexp_split_to_array(body, '\s+'), 1)) STORED,
    published_at  timestamp(3),
    updated_at    timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP,
    deleted_at    timestamptz
);
CREATE INDEX posts_live_idx ON posts (published_at DESC) WHERE deleted_at IS NULL;
CREATE INDEX posts_tags_gin ON posts USING gin (tags);
COMMENT ON COLUMN posts.state IS 'Editorial workflow state';

CREATE TABLE comments (
    id          bigserial PRIMARY KEY,
    post_id     bigint NOT NULL REFERENCES posts (id) ON DELETE CASCADE,
    parent_id   bigint REFERENCES comments (id) ON DELETE CASCADE,
    author_name varchar(80) NOT NULL DEFAULT 'anonymous',
    body        text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
    approved    boolean NOT NULL DEFAULT false,
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;
CREATE TRIGGER posts_touch BEFORE UPDATE ON posts
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE FUNCTION slugify(title text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT AS $$
    SELECT trim(BOTH '-' FROM regexp_replace(lower(title), '[^a-z0-9]+', '-', 'g'))
$$;

CREATE VIEW published_posts AS
SELECT p.id, p.slug, p.title, a.display_name AS author, p.published_at
FROM posts p LEFT JOIN authors a ON a.id = p.author_id
WHERE p.state = 'Published' AND p.deleted_at IS NULL;

CREATE MATERIALIZED VIEW tag_counts AS
SELECT t.tag, count(*) AS uses
FROM posts p, unnest(p.tags) AS t(tag)
GROUP BY t.tag;
CREATE UNIQUE INDEX tag_counts_tag_key ON tag_counts (tag);

INSERT INTO authors (handle, display_name) VALUES ('ada', 'Ada L.'), ('linus', 'Linus T.');
INSERT INTO posts (author_id, slug, title, body, state, tags, published_at) VALUES
    (1, slugify('Hello, World!'), 'Hello, World!', 'first post ever written here', 'Published',
     ARRAY['intro', 'meta']::varchar(20)[], '2024-01-02 10:00:00.123'),
    (2, slugify('Kernel notes'), 'Kernel notes', 'wip', 'On-Hold', ARRAY['linux'], NULL),
    (1, 'wrap-up', 'Wrap-up', 'done and dusted', 'it''s done', ARRAY['meta'], NULL);
INSERT INTO comments (post_id, body, approved) VALUES (1, 'Nice!', true);
INSERT INTO comments (post_id, parent_id, body) VALUES (1, 1, 'Thanks.');
REFRESH MATERIALIZED VIEW tag_counts;
