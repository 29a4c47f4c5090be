-- SQLite overrides of queries/james.sql.
-- Full-text search has no portable SQL: on SQLite it goes through the FTS5 table text_corpus_fts
-- (porter stemming, kept in sync with text_corpus by triggers) and ranks by bm25.

-- Full-text search of title and content for a phrase, best match first (FTS5, bm25 rank). The
-- query is searched as one quoted phrase, so FTS5 operators in user input are plain text.
-- name: SearchCorpusText :many
SELECT c.id, c.title, c.source_url, c.word_count, c.created_at
FROM text_corpus_fts
INNER JOIN text_corpus c ON c.id = text_corpus_fts.rowid
WHERE text_corpus_fts MATCH '"' || replace(@query, '"', '""') || '"'
ORDER BY text_corpus_fts.rank, c.id
LIMIT @max_rows;
