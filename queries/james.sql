-- James LLM: the repository methods of the training app (neural configs, corpus, training jobs,
-- checkpoints, accuracy metrics, generation history, Markov n-grams, schema version).
-- Seed: ../shared/seeds/james-llm.md. Timestamps the app sets are passed in (@now and friends);
-- created_at columns take their default.

-- Create a neural network configuration; fails if the name is taken (see UpsertNeuralConfigByName).
-- name: CreateNeuralConfig :one
INSERT INTO neural_configs (name, config)
VALUES (@name, @config)
RETURNING id, name, config, created_at, updated_at;

-- Create the configuration with this name, or replace its JSON if it exists; returns the row.
-- name: UpsertNeuralConfigByName :one
INSERT INTO neural_configs (name, config, created_at, updated_at)
VALUES (@name, @config, @now, @now)
ON CONFLICT (name) DO UPDATE SET config = excluded.config, updated_at = excluded.updated_at
RETURNING id, name, config, created_at, updated_at;

-- One neural configuration by id.
-- name: GetNeuralConfig :one
SELECT id, name, config, created_at, updated_at
FROM neural_configs
WHERE id = @id;

-- One neural configuration by its unique name.
-- name: GetNeuralConfigByName :one
SELECT id, name, config, created_at, updated_at
FROM neural_configs
WHERE name = @name;

-- Every neural configuration, by name.
-- name: ListNeuralConfigs :many
SELECT id, name, config, created_at, updated_at
FROM neural_configs
ORDER BY name;

-- Replace the JSON of a configuration; returns the updated row (none if the id is unknown).
-- name: UpdateNeuralConfig :one
UPDATE neural_configs
SET config = @config, updated_at = @now
WHERE id = @id
RETURNING id, name, config, created_at, updated_at;

-- Delete a configuration; its training jobs keep running with neural_config_id set to NULL.
-- name: DeleteNeuralConfig :execrows
DELETE FROM neural_configs
WHERE id = @id;

-- Add a text to the training corpus; word and char counts are computed by the caller.
-- name: AddCorpusText :one
INSERT INTO text_corpus (title, content, source_url, metadata, word_count, char_count)
VALUES (sqlc.narg(title), @content, sqlc.narg(source_url), sqlc.narg(metadata), @word_count,
        @char_count)
RETURNING id, created_at;

-- One corpus text, with its content.
-- name: GetCorpusText :one
SELECT id, title, content, source_url, metadata, word_count, char_count, created_at
FROM text_corpus
WHERE id = @id;

-- Corpus texts without their content, newest first, one page at a time.
-- name: ListCorpusTexts :many
SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
ORDER BY created_at DESC, id DESC
LIMIT @max_rows
OFFSET @skip_rows;

-- Replace a corpus text and its metadata.
-- name: UpdateCorpusText :execrows
UPDATE text_corpus
SET title = sqlc.narg(title),
    content = @content,
    source_url = sqlc.narg(source_url),
    metadata = sqlc.narg(metadata),
    word_count = @word_count,
    char_count = @char_count
WHERE id = @id;

-- Delete a corpus text; training jobs that used it keep text_corpus_id NULL.
-- name: DeleteCorpusText :execrows
DELETE FROM text_corpus
WHERE id = @id;

-- Corpus texts taken from exactly this URL, newest first (uses idx_text_corpus_source).
-- name: ListCorpusTextsBySourceUrl :many
SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
WHERE source_url = @source_url
ORDER BY created_at DESC, id DESC;

-- Corpus texts whose URL matches a LIKE pattern ('%' and '_' are wildcards), case-insensitively
-- on both engines, newest first.
-- name: SearchCorpusTextsBySourceUrl :many
SELECT id, title, source_url, word_count, char_count, created_at
FROM text_corpus
WHERE lower(source_url) LIKE lower(@source_url_pattern)
ORDER BY created_at DESC, id DESC
LIMIT @max_rows;

-- Full-text search of title and content for a phrase, best match first. Portable fallback: a
-- case-insensitive substring match, newest first. Overridden for sqlite (FTS5 text_corpus_fts)
-- and postgres (the GIN tsvector index), which rank by relevance.
-- name: SearchCorpusText :many
SELECT id, title, source_url, word_count, created_at
FROM text_corpus
WHERE lower(content) LIKE '%' || lower(@query) || '%'
   OR lower(title) LIKE '%' || lower(@query) || '%'
ORDER BY created_at DESC, id DESC
LIMIT @max_rows;

-- Size of the training corpus for the dashboard. On PostgreSQL corpus_stats is a materialized
-- view: it is as fresh as its last REFRESH.
-- name: GetCorpusStats :one
SELECT text_count, total_words, total_chars, last_added_at
FROM corpus_stats;

-- Create a pending training job of a configuration over a corpus text (either may be NULL).
-- name: CreateTrainingJob :one
INSERT INTO training_jobs (job_id, neural_config_id, text_corpus_id)
VALUES (@job_id, sqlc.narg(neural_config_id), sqlc.narg(text_corpus_id))
RETURNING id, job_id, status, progress, created_at;

-- Set the status, progress (0..100), message and error of a job, by its external job_id.
-- name: UpdateTrainingJobStatus :execrows
UPDATE training_jobs
SET status = @status,
    progress = @progress,
    message = sqlc.narg(message),
    error = sqlc.narg(error)
WHERE job_id = @job_id;

-- Move a pending job to running and record when it started; 0 rows if it was not pending.
-- name: MarkTrainingJobStarted :execrows
UPDATE training_jobs
SET status = 'running', started_at = @started_at
WHERE job_id = @job_id AND status = 'pending';

-- Finish a job that is still pending or running with a final status (completed, failed or
-- cancelled) and an optional error; 0 rows if it had already finished.
-- name: MarkTrainingJobFinished :execrows
UPDATE training_jobs
SET status = @status, error = sqlc.narg(error), completed_at = @completed_at
WHERE job_id = @job_id AND status IN ('pending', 'running');

-- One job by its external job_id, with the names of its configuration and corpus text (NULL when
-- they were deleted or never set).
-- name: GetTrainingJobByJobId :one
SELECT j.id, j.job_id, j.status, j.progress, j.message, j.error, j.neural_config_id,
       j.text_corpus_id, j.started_at, j.completed_at, j.created_at,
       nc.name AS neural_config_name,
       tc.title AS text_corpus_title
FROM training_jobs j
LEFT JOIN neural_configs nc ON nc.id = j.neural_config_id
LEFT JOIN text_corpus tc ON tc.id = j.text_corpus_id
WHERE j.job_id = @job_id;

-- The newest jobs, optionally of one status only (NULL for all), with configuration and corpus
-- names.
-- name: ListTrainingJobs :many
SELECT j.id, j.job_id, j.status, j.progress, j.message, j.started_at, j.completed_at,
       j.created_at,
       nc.name AS neural_config_name,
       tc.title AS text_corpus_title
FROM training_jobs j
LEFT JOIN neural_configs nc ON nc.id = j.neural_config_id
LEFT JOIN text_corpus tc ON tc.id = j.text_corpus_id
WHERE (j.status = sqlc.narg(status) OR sqlc.narg(status) IS NULL)
ORDER BY j.created_at DESC, j.id DESC
LIMIT @max_rows;

-- Number of jobs per status, in life-cycle order (an enum sorts by declaration on PostgreSQL but
-- alphabetically on SQLite, hence the explicit CASE).
-- name: CountTrainingJobsByStatus :many
SELECT status, count(*) AS job_count
FROM training_jobs
GROUP BY status
ORDER BY CASE status
             WHEN 'pending' THEN 1
             WHEN 'running' THEN 2
             WHEN 'completed' THEN 3
             WHEN 'failed' THEN 4
             ELSE 5
         END;

-- Save a checkpoint. At most one checkpoint may be the best (a partial unique index): to insert
-- one with is_best TRUE, run ClearBestCheckpoint first in the same transaction.
-- name: CreateCheckpoint :one
INSERT INTO neural_checkpoints (epochs, block_size, path, loss, accuracy, notes, training_job_id,
                                is_best)
VALUES (@epochs, @block_size, @path, sqlc.narg(loss), sqlc.narg(accuracy), sqlc.narg(notes),
        sqlc.narg(training_job_id), @is_best)
RETURNING id, created_at;

-- Un-mark the current best checkpoint, if any.
-- name: ClearBestCheckpoint :execrows
UPDATE neural_checkpoints
SET is_best = FALSE
WHERE is_best = TRUE;

-- Mark one checkpoint as the best; run ClearBestCheckpoint first in the same transaction.
-- name: MarkCheckpointBest :execrows
UPDATE neural_checkpoints
SET is_best = TRUE
WHERE id = @id;

-- One checkpoint by id.
-- name: GetCheckpoint :one
SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
WHERE id = @id;

-- The checkpoint marked best, if any.
-- name: GetBestCheckpoint :one
SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
WHERE is_best = TRUE;

-- The newest checkpoint, if any.
-- name: GetLatestCheckpoint :one
SELECT id, epochs, block_size, path, notes, loss, accuracy, is_best, training_job_id, created_at
FROM neural_checkpoints
ORDER BY created_at DESC, id DESC
LIMIT 1;

-- The newest checkpoints with the job_id of the training job that produced them (NULL if none).
-- name: ListCheckpoints :many
SELECT c.id, c.epochs, c.block_size, c.path, c.loss, c.accuracy, c.is_best, c.created_at,
       j.job_id AS training_job_key
FROM neural_checkpoints c
LEFT JOIN training_jobs j ON j.id = c.training_job_id
ORDER BY c.created_at DESC, c.id DESC
LIMIT @max_rows;

-- Record one accuracy measurement, optionally of a checkpoint.
-- name: RecordAccuracyMetric :one
INSERT INTO accuracy_metrics (metric_type, value, metadata, model_checkpoint_id)
VALUES (@metric_type, @value, sqlc.narg(metadata), sqlc.narg(model_checkpoint_id))
RETURNING id, created_at;

-- The measurements of one checkpoint, oldest first.
-- name: ListAccuracyMetricsForCheckpoint :many
SELECT id, metric_type, value, metadata, created_at
FROM accuracy_metrics
WHERE model_checkpoint_id = @model_checkpoint_id
ORDER BY created_at, id;

-- The newest measurements, optionally of one metric type and/or one checkpoint (NULL for all).
-- name: ListAccuracyMetrics :many
SELECT id, metric_type, value, metadata, model_checkpoint_id, created_at
FROM accuracy_metrics
WHERE (metric_type = sqlc.narg(metric_type) OR sqlc.narg(metric_type) IS NULL)
  AND (model_checkpoint_id = sqlc.narg(model_checkpoint_id)
       OR sqlc.narg(model_checkpoint_id) IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT @max_rows;

-- Count, mean, range and recency of every metric type.
-- name: SummarizeAccuracyByType :many
SELECT metric_type,
       count(*) AS sample_count,
       avg(value) AS avg_value,
       min(value) AS min_value,
       max(value) AS max_value,
       max(created_at) AS last_recorded_at
FROM accuracy_metrics
GROUP BY metric_type
ORDER BY metric_type;

-- Record one text generation with its parameters and automatic quality score.
-- name: RecordGeneration :one
INSERT INTO generation_history (prompt, response, model, parameters, quality_score)
VALUES (@prompt, @response, @model, sqlc.narg(parameters), sqlc.narg(quality_score))
RETURNING id, created_at;

-- The newest generations, optionally of one model (NULL for all).
-- name: ListGenerationHistory :many
SELECT id, prompt, response, model, parameters, quality_score, user_rating, created_at
FROM generation_history
WHERE (model = sqlc.narg(model) OR sqlc.narg(model) IS NULL)
ORDER BY created_at DESC, id DESC
LIMIT @max_rows;

-- Store the user's 1..5 rating of a generation.
-- name: RateGeneration :execrows
UPDATE generation_history
SET user_rating = @user_rating
WHERE id = @id;

-- Delete the generations made before a cut-off; returns how many were deleted.
-- name: ClearGenerationHistoryBefore :execrows
DELETE FROM generation_history
WHERE created_at < @before;

-- Generations, ratings and mean scores per model.
-- name: SummarizeGenerationsByModel :many
SELECT model,
       count(*) AS generation_count,
       count(user_rating) AS rated_count,
       avg(user_rating) AS avg_user_rating,
       avg(quality_score) AS avg_quality_score
FROM generation_history
GROUP BY model
ORDER BY model;

-- Add count occurrences of next_char after context to the order-n Markov model.
-- name: UpsertMarkovNgram :exec
INSERT INTO markov_ngrams (n, context, next_char, count)
VALUES (@n, @context, @next_char, @count)
ON CONFLICT (n, context, next_char) DO UPDATE SET count = markov_ngrams.count + excluded.count;

-- The successors of a context in the order-n model, most frequent first.
-- name: ListMarkovNgrams :many
SELECT id, next_char, count, probability
FROM markov_ngrams
WHERE n = @n AND context = @context
ORDER BY count DESC, next_char;

-- The successors of a context with the context's total count, most frequent first: the live
-- probability of a successor is count / total_count (divided in Rust, to stay a float on both
-- engines; in SQL it would be numeric on PostgreSQL).
-- name: GetMarkovNextCharProbabilities :many
SELECT m.next_char,
       m.count,
       t.total_count
FROM markov_ngrams m
INNER JOIN (
    SELECT context, sum(count) AS total_count
    FROM markov_ngrams
    WHERE n = @n AND context = @context
    GROUP BY context
) t ON t.context = m.context
WHERE m.n = @n
ORDER BY m.count DESC, m.next_char;

-- Total successor count and number of distinct successors of every context of the order-n model,
-- the denominators for SetMarkovProbability.
-- name: ListMarkovContextTotals :many
SELECT context, sum(count) AS total_count, count(*) AS successor_count
FROM markov_ngrams
WHERE n = @n
GROUP BY context
ORDER BY context;

-- Store the computed probability of one n-gram.
-- name: SetMarkovProbability :execrows
UPDATE markov_ngrams
SET probability = @probability
WHERE id = @id;

-- Drop the order-n Markov model; returns the number of n-grams deleted.
-- name: ClearMarkovModel :execrows
DELETE FROM markov_ngrams
WHERE n = @n;

-- The app's current schema version (the one applied last), if any.
-- name: GetSchemaVersion :one
SELECT version, description, applied_at
FROM schema_version
ORDER BY applied_at DESC, version DESC
LIMIT 1;

-- Record that a schema version was applied; does nothing if it is already recorded.
-- name: InsertSchemaVersion :execrows
INSERT INTO schema_version (version, description)
VALUES (@version, sqlc.narg(description))
ON CONFLICT (version) DO NOTHING;
