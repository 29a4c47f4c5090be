-- Chimera data pipeline: the batch ingester's extraction queries (hourly time windows over the
-- three fact tables) and the backend's writes. Seed: ../shared/seeds/chimera-data-pipeline.md.
-- Windows are half-open, [since, until), so consecutive hourly runs never read a row twice.

-- Interactions created in a time window, oldest first, for incremental extraction; pass a
-- provider to extract one provider only, NULL for all. Page with max_rows and skip_rows.
-- name: ListInteractionsInWindow :many
SELECT id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
       tokens_prompt, tokens_completion, latency_ms, error_message, created_at, ingested_at
FROM llm_interactions
WHERE created_at >= @since
  AND created_at < @until
  AND (provider = sqlc.narg(provider) OR sqlc.narg(provider) IS NULL)
ORDER BY created_at, id
LIMIT @max_rows
OFFSET @skip_rows;

-- One interaction by its id, e.g. to verify a record after insertion.
-- name: GetInteraction :one
SELECT id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
       tokens_prompt, tokens_completion, latency_ms, error_message, created_at, ingested_at
FROM llm_interactions
WHERE id = @id;

-- All interactions of one session, in the order they happened.
-- name: ListInteractionsForSession :many
SELECT id, provider, model, prompt, response, tokens_prompt, tokens_completion, latency_ms,
       error_message, created_at
FROM llm_interactions
WHERE session_id = @session_id
ORDER BY created_at, id;

-- Record one LLM API call. Idempotent: re-ingesting the same id does nothing, and the returned
-- row count (0 or 1) says whether the row was new.
-- name: InsertInteraction :execrows
INSERT INTO llm_interactions (
    id, session_id, tenant_id, provider, model, prompt, response, system_instruction, config,
    tokens_prompt, tokens_completion, latency_ms, error_message, created_at
) VALUES (
    @id, sqlc.narg(session_id), @tenant_id, @provider, @model, @prompt, sqlc.narg(response),
    sqlc.narg(system_instruction), @config, @tokens_prompt, @tokens_completion, @latency_ms,
    sqlc.narg(error_message), @created_at
)
ON CONFLICT (id) DO NOTHING;

-- Interaction volume, tokens, latency and errors per provider and model in a time window,
-- largest first: the hourly pipeline-health numbers.
-- name: CountInteractionsByProviderModel :many
SELECT provider,
       model,
       count(*) AS interaction_count,
       sum(tokens_prompt) AS total_tokens_prompt,
       sum(tokens_completion) AS total_tokens_completion,
       avg(latency_ms) AS avg_latency_ms,
       sum(CASE WHEN error_message IS NULL THEN 0 ELSE 1 END) AS error_count
FROM llm_interactions
WHERE created_at >= @since AND created_at < @until
GROUP BY provider, model
ORDER BY interaction_count DESC, provider, model;

-- The newest created_at of all interactions (NULL when the table is empty): compare it with the
-- ingestion watermark to detect lag.
-- name: GetLatestInteractionTime :one
SELECT max(created_at) AS latest_created_at
FROM llm_interactions;

-- Transformation events created in a time window, oldest first; pass a technique suite to
-- extract one suite only, NULL for all.
-- name: ListTransformationEventsInWindow :many
SELECT id, interaction_id, technique_suite, technique_name, original_prompt, transformed_prompt,
       transformation_time_ms, success, metadata, created_at, ingested_at
FROM transformation_events
WHERE created_at >= @since
  AND created_at < @until
  AND (technique_suite = sqlc.narg(technique_suite) OR sqlc.narg(technique_suite) IS NULL)
ORDER BY created_at, id
LIMIT @max_rows
OFFSET @skip_rows;

-- Transformation events of a time window with the provider, model and latency of the interaction
-- they belong to. The interaction may be missing (no interaction_id, or not ingested yet), so its
-- columns are NULL then; a provider filter keeps only events whose interaction matches.
-- name: ListTransformationEventsWithInteraction :many
SELECT te.id, te.interaction_id, te.technique_suite, te.technique_name, te.success,
       te.transformation_time_ms, te.created_at,
       i.provider AS interaction_provider,
       i.model AS interaction_model,
       i.latency_ms AS interaction_latency_ms
FROM transformation_events te
LEFT JOIN llm_interactions i ON i.id = te.interaction_id
WHERE te.created_at >= @since
  AND te.created_at < @until
  AND (i.provider = sqlc.narg(provider) OR sqlc.narg(provider) IS NULL)
ORDER BY te.created_at, te.id
LIMIT @max_rows;

-- Record one prompt transformation attempt; interaction_id may be NULL. Idempotent on id.
-- name: InsertTransformationEvent :execrows
INSERT INTO transformation_events (
    id, interaction_id, technique_suite, technique_name, original_prompt, transformed_prompt,
    transformation_time_ms, success, metadata, created_at
) VALUES (
    @id, sqlc.narg(interaction_id), @technique_suite, @technique_name, @original_prompt,
    @transformed_prompt, @transformation_time_ms, @success, @metadata, @created_at
)
ON CONFLICT (id) DO NOTHING;

-- Attempts, successes and mean time per technique in a time window, busiest first.
-- name: SummarizeTransformationTechniques :many
SELECT technique_suite,
       technique_name,
       count(*) AS attempt_count,
       sum(CASE WHEN success THEN 1 ELSE 0 END) AS success_count,
       avg(transformation_time_ms) AS avg_transformation_time_ms
FROM transformation_events
WHERE created_at >= @since AND created_at < @until
GROUP BY technique_suite, technique_name
ORDER BY attempt_count DESC, technique_suite, technique_name;

-- Jailbreak experiments created in a time window, oldest first; pass a framework to extract one
-- framework only, NULL for all.
-- name: ListJailbreakExperimentsInWindow :many
SELECT id, framework, attack_method, goal, final_prompt, target_response, iterations, success,
       judge_score, metadata, created_at, ingested_at
FROM jailbreak_experiments
WHERE created_at >= @since
  AND created_at < @until
  AND (framework = sqlc.narg(framework) OR sqlc.narg(framework) IS NULL)
ORDER BY created_at, id
LIMIT @max_rows
OFFSET @skip_rows;

-- Record one jailbreak experiment result. Idempotent on id.
-- name: InsertJailbreakExperiment :execrows
INSERT INTO jailbreak_experiments (
    id, framework, attack_method, goal, final_prompt, target_response, iterations, success,
    judge_score, metadata, created_at
) VALUES (
    @id, @framework, @attack_method, @goal, sqlc.narg(final_prompt), sqlc.narg(target_response),
    @iterations, @success, sqlc.narg(judge_score), @metadata, @created_at
)
ON CONFLICT (id) DO NOTHING;

-- Success rate inputs and judge scores per framework and attack method in a time window.
-- name: SummarizeJailbreakExperiments :many
SELECT framework,
       attack_method,
       count(*) AS experiment_count,
       sum(CASE WHEN success THEN 1 ELSE 0 END) AS success_count,
       avg(judge_score) AS avg_judge_score,
       max(iterations) AS max_iterations
FROM jailbreak_experiments
WHERE created_at >= @since AND created_at < @until
GROUP BY framework, attack_method
ORDER BY experiment_count DESC, framework, attack_method;
