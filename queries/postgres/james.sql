-- PostgreSQL overrides of queries/james.sql.
-- Full-text search has no portable SQL: on PostgreSQL it matches the expression of the GIN index
-- text_corpus_fts (to_tsvector('simple', title || ' ' || content)) and ranks by ts_rank.

-- Full-text search of title and content for a phrase, best match first (GIN tsvector index,
-- ts_rank). The query is searched as a phrase (phraseto_tsquery), like the SQLite version.
-- name: SearchCorpusText :many
SELECT id, title, source_url, word_count, created_at
FROM text_corpus
WHERE to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(content, ''))
      @@ phraseto_tsquery('simple', @query)
ORDER BY ts_rank(to_tsvector('simple', coalesce(title, '') || ' ' || coalesce(content, '')),
                 phraseto_tsquery('simple', @query)) DESC,
         id
LIMIT @max_rows;
