//! Every query of `queries/james.sql` (and its SQLite and PostgreSQL overrides) on SQLite,
//! PostgreSQL and PostgreSQL async. On PostgreSQL corpus_stats is a materialized view: the
//! scenario refreshes it before reading it.

#[macro_use]
mod common;

use common::{dec, ts};
use dbtool_reference_queries::enums::TrainingStatus;
use dbtool_reference_queries::james::{
    AddCorpusTextParams, CreateCheckpointParams, RecordGenerationParams, UpdateCorpusTextParams,
    UpdateTrainingJobStatusParams,
};
use dbtool_reference_types::NeuralConfigId;

/// Asserts that a call failed in the database (a constraint), not with NotFound, and that the
/// error says the database's own words, never the driver's bare "db error".
macro_rules! assert_db_error {
    ($result:expr) => {
        match $result {
            Err(e) if !e.is_not_found() => {
                let text = e.to_string();
                assert!(!text.ends_with("db error"), "{text}");
                e
            }
            Err(_) | Ok(_) => panic!("expected a database error"),
        }
    };
}

macro_rules! scenario {
    ($backend:ident, $conn:expr $(, $aw:tt)*) => {{
        use dbtool_reference_queries::james::$backend as q;
        let s = |v: &str| Some(v.to_string());
        let t0 = ts(2026, 1, 1, 0, 0, 0);
        let t1 = ts(2026, 1, 2, 0, 0, 0);
        let t2 = ts(2026, 1, 3, 0, 0, 0);
        let t3 = ts(2026, 1, 4, 0, 0, 0);
        let t4 = ts(2026, 1, 5, 0, 0, 0);

        // ---- Neural configs ----
        let layers = dbtool_reference_types::NeuralConfig::with_layers;
        let nc1 = q::create_neural_config($conn, "alpha", &layers(2)) $(.$aw)* .unwrap();
        assert_eq!(nc1.name, "alpha");
        assert_eq!(nc1.config, layers(2));
        assert_eq!(nc1.created_at, nc1.updated_at);
        let taken = assert_db_error!(q::create_neural_config($conn, "alpha", &layers(9)) $(.$aw)*);
        assert!(taken.is_unique_violation(), "{taken}");
        assert_eq!(taken.query(), "CreateNeuralConfig");
        assert!(!taken.is_foreign_key_violation(), "{taken}");
        if let Some(code) = taken.sqlstate() {
            assert_eq!(code, "23505");
            assert_eq!(taken.constraint(), Some("neural_configs_name_key"));
            assert!(taken.to_string().contains("duplicate key value violates unique constraint \"neural_configs_name_key\""), "{taken}");
            assert!(taken.to_string().contains("(SQLSTATE 23505)"), "{taken}");
        }
        let nc2 = q::upsert_neural_config_by_name($conn, "beta", &layers(3), t0) $(.$aw)* .unwrap();
        assert_eq!((nc2.name.as_str(), nc2.created_at, nc2.updated_at), ("beta", t0, t0));
        let up = q::upsert_neural_config_by_name($conn, "beta", &layers(4), t1) $(.$aw)* .unwrap();
        assert_eq!(up.id, nc2.id, "the existing row is updated");
        assert_eq!(up.config, layers(4));
        assert_eq!((up.created_at, up.updated_at), (t0, t1));
        let got = q::get_neural_config($conn, nc1.id) $(.$aw)* .unwrap();
        assert_eq!(got, nc1);
        let got = q::get_neural_config_by_name($conn, "beta") $(.$aw)* .unwrap();
        assert_eq!(got, up);
        assert_not_found!(q::get_neural_config($conn, NeuralConfigId(-1)) $(.$aw)*);
        assert_not_found!(q::get_neural_config_by_name($conn, "gamma") $(.$aw)*);
        let got = q::update_neural_config($conn, &layers(5), t2, nc1.id) $(.$aw)* .unwrap();
        assert_eq!((got.id, got.config.clone(), got.updated_at), (nc1.id, layers(5), t2));
        assert_eq!(got.created_at, nc1.created_at);
        assert_not_found!(q::update_neural_config($conn, &layers(5), t2, NeuralConfigId(-1)) $(.$aw)*);
        let all = q::list_neural_configs($conn) $(.$aw)* .unwrap();
        assert_eq!(
            all.iter().map(|c| (c.name.as_str(), c.config.clone())).collect::<Vec<_>>(),
            [("alpha", layers(5)), ("beta", layers(4))]
        );
        let mut seen = Vec::new();
        q::list_neural_configs_for_each($conn, |c| {
            seen.push(c.id);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [nc1.id, nc2.id]);
        // The config is a struct of types/ (dbtool.toml [generate.columns]): its optional
        // field and the keys it does not know survive the trip through the engine's JSON.
        let mut rich = layers(7);
        rich.learning_rate = Some(0.25);
        rich.other.insert("dropout".into(), serde_json::json!([0.1, 0.2]));
        let gamma = q::create_neural_config($conn, "gamma", &rich) $(.$aw)* .unwrap();
        assert_eq!(q::get_neural_config($conn, gamma.id) $(.$aw)* .unwrap().config, rich);
        assert_eq!(q::delete_neural_config($conn, gamma.id) $(.$aw)* .unwrap(), 1);

        // ---- Corpus ----
        // An empty corpus: NULL last_added_at (the materialized view starts populated).
        let stats = q::get_corpus_stats($conn) $(.$aw)* .unwrap();
        assert_eq!(
            (stats.text_count, stats.total_words, stats.total_chars, stats.last_added_at),
            (0, 0, 0, None)
        );
        let lang = serde_json::json!({"lang": "en"});
        let a1 = q::add_corpus_text($conn, &AddCorpusTextParams {
            title: Some("Fox"),
            content: "the quick brown fox jumps",
            source_url: Some("https://Example.com/a"),
            metadata: Some(&lang),
            word_count: 5,
            char_count: 25,
        }) $(.$aw)* .unwrap();
        let a2 = q::add_corpus_text($conn, &AddCorpusTextParams {
            title: None,
            content: "lorem ipsum dolor",
            source_url: None,
            metadata: None,
            word_count: 3,
            char_count: 17,
        }) $(.$aw)* .unwrap();
        let a3 = q::add_corpus_text($conn, &AddCorpusTextParams {
            title: Some("Dogs"),
            content: "a lazy dog sleeps while the quick brown dog runs",
            source_url: Some("https://example.com/b"),
            metadata: None,
            word_count: 10,
            char_count: 48,
        }) $(.$aw)* .unwrap();
        assert!(a1.id < a2.id && a2.id < a3.id);
        assert!(a1.created_at <= a3.created_at);

        let got = q::get_corpus_text($conn, a1.id) $(.$aw)* .unwrap();
        assert_eq!(got.id, a1.id);
        assert_eq!(got.title, s("Fox"));
        assert_eq!(got.content, "the quick brown fox jumps");
        assert_eq!(got.source_url, s("https://Example.com/a"));
        assert_eq!(got.metadata, Some(lang.clone()));
        assert_eq!((got.word_count, got.char_count), (5, 25));
        assert_eq!(got.created_at, a1.created_at);
        let got = q::get_corpus_text($conn, a2.id) $(.$aw)* .unwrap();
        assert_eq!((got.title, got.source_url, got.metadata), (None, None, None));
        assert_not_found!(q::get_corpus_text($conn, -1) $(.$aw)*);

        let rows = q::list_corpus_texts($conn, 10, 0) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [a3.id, a2.id, a1.id]);
        assert_eq!(rows[0].title, s("Dogs"));
        assert_eq!(rows[0].source_url, s("https://example.com/b"));
        assert_eq!((rows[0].word_count, rows[0].char_count), (10, 48));
        assert_eq!(rows[0].created_at, a3.created_at);
        assert_eq!(rows[1].title, None);
        let mut seen = Vec::new();
        q::list_corpus_texts_for_each($conn, 1, 1, |r| {
            seen.push(r.id);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [a2.id]);

        let rows = q::list_corpus_texts_by_source_url($conn, "https://example.com/b") $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (rows[0].id, rows[0].title.clone(), rows[0].word_count, rows[0].char_count),
            (a3.id, s("Dogs"), 10, 48)
        );
        assert_eq!(rows[0].created_at, a3.created_at);
        assert!(q::list_corpus_texts_by_source_url($conn, "https://example.com/a") $(.$aw)* .unwrap().is_empty());

        let rows = q::search_corpus_texts_by_source_url($conn, "%EXAMPLE.COM%", 10) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [a3.id, a1.id]);
        assert_eq!(rows[1].source_url, s("https://Example.com/a"));
        assert_eq!(rows[1].char_count, 25);
        let rows = q::search_corpus_texts_by_source_url($conn, "%example.com%", 1) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [a3.id]);

        // SearchCorpusText: FTS5 on SQLite, tsvector on PostgreSQL; ranking differs, so a
        // phrase in two texts is checked as a set.
        let rows = q::search_corpus_text($conn, "brown fox", 10) $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].id, a1.id);
        assert_eq!(rows[0].title, s("Fox"));
        assert_eq!(rows[0].source_url, s("https://Example.com/a"));
        assert_eq!(rows[0].word_count, 5);
        assert_eq!(rows[0].created_at, a1.created_at);
        let mut ids = q::search_corpus_text($conn, "quick brown", 10) $(.$aw)* .unwrap()
            .into_iter()
            .map(|r| r.id)
            .collect::<Vec<_>>();
        ids.sort();
        assert_eq!(ids, [a1.id, a3.id]);
        assert_eq!(q::search_corpus_text($conn, "quick brown", 1) $(.$aw)* .unwrap().len(), 1);
        let mut seen = Vec::new();
        q::search_corpus_text_for_each($conn, "lazy dog", 10, |r| {
            seen.push(r.id);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [a3.id]);
        assert!(q::search_corpus_text($conn, "brown \"cat", 10) $(.$aw)* .unwrap().is_empty());

        pg_only_sql!($backend, $conn, "REFRESH MATERIALIZED VIEW corpus_stats");
        let stats = q::get_corpus_stats($conn) $(.$aw)* .unwrap();
        assert_eq!((stats.text_count, stats.total_words, stats.total_chars), (3, 18, 90));
        assert_eq!(stats.last_added_at, Some(a3.created_at));

        let n = q::update_corpus_text($conn, &UpdateCorpusTextParams {
            title: Some("Lorem"),
            content: "lorem ipsum dolor sit amet",
            source_url: Some("https://lorem.example"),
            metadata: Some(&lang),
            word_count: 5,
            char_count: 26,
            id: a2.id,
        }) $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        let got = q::get_corpus_text($conn, a2.id) $(.$aw)* .unwrap();
        assert_eq!(got.title, s("Lorem"));
        assert_eq!(got.content, "lorem ipsum dolor sit amet");
        assert_eq!(got.source_url, s("https://lorem.example"));
        assert_eq!(got.metadata, Some(lang.clone()));
        assert_eq!((got.word_count, got.char_count), (5, 26));
        let found = q::search_corpus_text($conn, "sit amet", 10) $(.$aw)* .unwrap();
        assert_eq!(found.iter().map(|r| r.id).collect::<Vec<_>>(), [a2.id]);
        let n = q::update_corpus_text($conn, &UpdateCorpusTextParams {
            title: None,
            content: "x",
            source_url: None,
            metadata: None,
            word_count: 1,
            char_count: 1,
            id: -1,
        }) $(.$aw)* .unwrap();
        assert_eq!(n, 0);

        // ---- Training jobs ----
        let j1 = q::create_training_job($conn, "job-1", Some(nc1.id), Some(a1.id)) $(.$aw)* .unwrap();
        assert_eq!(j1.job_id, "job-1");
        assert_eq!(j1.status, TrainingStatus::Pending);
        assert_eq!(j1.progress, 0);
        let j2 = q::create_training_job($conn, "job-2", None, None) $(.$aw)* .unwrap();
        let j3 = q::create_training_job($conn, "job-3", Some(nc2.id), None) $(.$aw)* .unwrap();
        assert_db_error!(q::create_training_job($conn, "job-3", None, None) $(.$aw)*);

        let job = q::get_training_job_by_job_id($conn, "job-1") $(.$aw)* .unwrap();
        assert_eq!((job.id, job.job_id.as_str(), job.status, job.progress), (j1.id, "job-1", TrainingStatus::Pending, 0));
        assert_eq!((job.message.clone(), job.error.clone()), (None, None));
        assert_eq!((job.neural_config_id, job.text_corpus_id), (Some(nc1.id), Some(a1.id)));
        assert_eq!((job.started_at, job.completed_at), (None, None));
        assert_eq!(job.created_at, j1.created_at);
        assert_eq!(job.neural_config_name, s("alpha"));
        assert_eq!(job.text_corpus_title, s("Fox"));
        let job = q::get_training_job_by_job_id($conn, "job-2") $(.$aw)* .unwrap();
        assert_eq!((job.neural_config_id, job.text_corpus_id), (None, None));
        assert_eq!((job.neural_config_name, job.text_corpus_title), (None, None));
        assert_not_found!(q::get_training_job_by_job_id($conn, "job-0") $(.$aw)*);

        assert_eq!(q::mark_training_job_started($conn, Some(t3), "job-1") $(.$aw)* .unwrap(), 1);
        assert_eq!(q::mark_training_job_started($conn, Some(t3), "job-1") $(.$aw)* .unwrap(), 0);
        let n = q::update_training_job_status($conn, &UpdateTrainingJobStatusParams {
            status: TrainingStatus::Running,
            progress: 50,
            message: Some("halfway"),
            error: None,
            job_id: "job-1",
        }) $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        let n = q::update_training_job_status($conn, &UpdateTrainingJobStatusParams {
            status: TrainingStatus::Running,
            progress: 1,
            message: None,
            error: None,
            job_id: "job-0",
        }) $(.$aw)* .unwrap();
        assert_eq!(n, 0);
        assert_db_error!(q::update_training_job_status($conn, &UpdateTrainingJobStatusParams {
            status: TrainingStatus::Running,
            progress: 101,
            message: None,
            error: None,
            job_id: "job-1",
        }) $(.$aw)*);
        let n = q::mark_training_job_finished($conn, TrainingStatus::Completed, None, Some(t4), "job-1")
            $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        let n = q::mark_training_job_finished($conn, TrainingStatus::Failed, Some("late"), Some(t4), "job-1")
            $(.$aw)* .unwrap();
        assert_eq!(n, 0, "already finished");
        let n = q::mark_training_job_finished($conn, TrainingStatus::Failed, Some("oom"), Some(t4), "job-2")
            $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        let job = q::get_training_job_by_job_id($conn, "job-1") $(.$aw)* .unwrap();
        assert_eq!((job.status, job.progress), (TrainingStatus::Completed, 50));
        assert_eq!((job.message, job.error), (s("halfway"), None));
        assert_eq!((job.started_at, job.completed_at), (Some(t3), Some(t4)));
        let job = q::get_training_job_by_job_id($conn, "job-2") $(.$aw)* .unwrap();
        assert_eq!((job.status, job.error, job.started_at), (TrainingStatus::Failed, s("oom"), None));

        let rows = q::list_training_jobs($conn, None, 10) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [j3.id, j2.id, j1.id]);
        assert_eq!(rows[0].status, TrainingStatus::Pending);
        assert_eq!(rows[0].neural_config_name, s("beta"));
        assert_eq!(rows[0].text_corpus_title, None);
        assert_eq!(rows[2].job_id, "job-1");
        assert_eq!(rows[2].progress, 50);
        assert_eq!(rows[2].message, s("halfway"));
        assert_eq!((rows[2].started_at, rows[2].completed_at), (Some(t3), Some(t4)));
        assert_eq!(rows[2].created_at, j1.created_at);
        assert_eq!(rows[2].neural_config_name, s("alpha"));
        assert_eq!(rows[2].text_corpus_title, s("Fox"));
        let mut seen = Vec::new();
        q::list_training_jobs_for_each($conn, Some(TrainingStatus::Failed), 10, |r| {
            seen.push((r.job_id, r.status, r.neural_config_name));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [("job-2".to_string(), TrainingStatus::Failed, None)]);
        assert!(q::list_training_jobs($conn, Some(TrainingStatus::Cancelled), 10) $(.$aw)* .unwrap().is_empty());
        assert_eq!(q::list_training_jobs($conn, None, 2) $(.$aw)* .unwrap().len(), 2);

        let rows = q::count_training_jobs_by_status($conn) $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter().map(|r| (r.status, r.job_count)).collect::<Vec<_>>(),
            [
                (TrainingStatus::Pending, 1),
                (TrainingStatus::Completed, 1),
                (TrainingStatus::Failed, 1),
            ]
        );

        // ---- Checkpoints ----
        let cp1 = q::create_checkpoint($conn, &CreateCheckpointParams {
            epochs: 10,
            block_size: 64,
            path: "/ckpt/1",
            loss: Some(0.5),
            accuracy: Some(0.8),
            notes: Some("first"),
            training_job_id: Some(j1.id),
            is_best: false,
        }) $(.$aw)* .unwrap();
        let plain = CreateCheckpointParams {
            epochs: 20,
            block_size: 128,
            path: "/ckpt/2",
            loss: None,
            accuracy: None,
            notes: None,
            training_job_id: None,
            is_best: true,
        };
        let cp2 = q::create_checkpoint($conn, &plain) $(.$aw)* .unwrap();
        assert!(cp1.id < cp2.id);
        assert_db_error!(q::create_checkpoint($conn, &CreateCheckpointParams { path: "/ckpt/x", ..plain }) $(.$aw)*);

        let best = q::get_best_checkpoint($conn) $(.$aw)* .unwrap();
        assert_eq!(best.id, cp2.id);
        assert!(best.is_best);
        assert_eq!(q::clear_best_checkpoint($conn) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::clear_best_checkpoint($conn) $(.$aw)* .unwrap(), 0);
        assert_not_found!(q::get_best_checkpoint($conn) $(.$aw)*);
        assert_eq!(q::mark_checkpoint_best($conn, cp1.id) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::mark_checkpoint_best($conn, -1) $(.$aw)* .unwrap(), 0);
        let best = q::get_best_checkpoint($conn) $(.$aw)* .unwrap();
        assert_eq!((best.id, best.epochs, best.block_size, best.path.as_str()), (cp1.id, 10, 64, "/ckpt/1"));
        assert_eq!((best.loss, best.accuracy, best.notes.clone()), (Some(0.5), Some(0.8), s("first")));
        assert!(best.is_best);
        assert_eq!(best.training_job_id, Some(j1.id));
        assert_eq!(best.created_at, cp1.created_at);
        let got = q::get_checkpoint($conn, cp2.id) $(.$aw)* .unwrap();
        assert_eq!((got.epochs, got.block_size, got.path.as_str()), (20, 128, "/ckpt/2"));
        assert_eq!((got.loss, got.accuracy, got.notes, got.training_job_id), (None, None, None, None));
        assert!(!got.is_best);
        assert_eq!(got.created_at, cp2.created_at);
        assert_not_found!(q::get_checkpoint($conn, -1) $(.$aw)*);
        let latest = q::get_latest_checkpoint($conn) $(.$aw)* .unwrap();
        assert_eq!(latest.id, cp2.id);

        let rows = q::list_checkpoints($conn, 10) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [cp2.id, cp1.id]);
        assert_eq!(rows[0].training_job_key, None);
        assert_eq!((rows[0].loss, rows[0].accuracy, rows[0].is_best), (None, None, false));
        assert_eq!(rows[1].training_job_key, s("job-1"));
        assert_eq!((rows[1].epochs, rows[1].block_size, rows[1].path.as_str()), (10, 64, "/ckpt/1"));
        assert_eq!((rows[1].loss, rows[1].accuracy, rows[1].is_best), (Some(0.5), Some(0.8), true));
        assert_eq!(rows[1].created_at, cp1.created_at);
        let mut seen = Vec::new();
        q::list_checkpoints_for_each($conn, 1, |r| {
            seen.push(r.id);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [cp2.id]);

        // ---- Accuracy metrics ----
        let dev = serde_json::json!({"set": "dev"});
        let m1 = q::record_accuracy_metric($conn, "bleu", 0.25, Some(&dev), Some(cp1.id)) $(.$aw)* .unwrap();
        let m2 = q::record_accuracy_metric($conn, "bleu", 0.75, None, Some(cp1.id)) $(.$aw)* .unwrap();
        let m3 = q::record_accuracy_metric($conn, "perplexity", 12.5, None, None) $(.$aw)* .unwrap();
        assert!(m1.id < m2.id && m2.id < m3.id);
        let rows = q::list_accuracy_metrics_for_checkpoint($conn, cp1.id) $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| (r.id, r.metric_type.as_str(), r.value, r.metadata.clone(), r.created_at))
                .collect::<Vec<_>>(),
            [
                (m1.id, "bleu", 0.25, Some(dev.clone()), m1.created_at),
                (m2.id, "bleu", 0.75, None, m2.created_at),
            ]
        );
        let mut seen = 0;
        q::list_accuracy_metrics_for_checkpoint_for_each($conn, cp2.id, |_| {
            seen += 1;
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, 0);
        let ids = |rows: Vec<dbtool_reference_queries::tables::AccuracyMetricsRow>| {
            rows.into_iter().map(|r| r.id).collect::<Vec<_>>()
        };
        let rows = q::list_accuracy_metrics($conn, None, None, 10) $(.$aw)* .unwrap();
        assert_eq!(rows[0].model_checkpoint_id, None);
        assert_eq!((rows[0].metric_type.as_str(), rows[0].value), ("perplexity", 12.5));
        assert_eq!(rows[2].metadata, Some(dev.clone()));
        assert_eq!(rows[2].model_checkpoint_id, Some(cp1.id));
        assert_eq!(rows[2].created_at, m1.created_at);
        assert_eq!(ids(rows), [m3.id, m2.id, m1.id]);
        let rows = q::list_accuracy_metrics($conn, Some("bleu"), None, 10) $(.$aw)* .unwrap();
        assert_eq!(ids(rows), [m2.id, m1.id]);
        let rows = q::list_accuracy_metrics($conn, None, Some(cp1.id), 1) $(.$aw)* .unwrap();
        assert_eq!(ids(rows), [m2.id]);
        let rows = q::list_accuracy_metrics($conn, Some("perplexity"), Some(cp1.id), 10) $(.$aw)* .unwrap();
        assert!(rows.is_empty());

        let rows = q::summarize_accuracy_by_type($conn) $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 2);
        let r = &rows[0];
        assert_eq!((r.metric_type.as_str(), r.sample_count), ("bleu", 2));
        assert_eq!((r.avg_value, r.min_value, r.max_value), (Some(0.5), Some(0.25), Some(0.75)));
        assert_eq!(r.last_recorded_at, Some(m2.created_at));
        let r = &rows[1];
        assert_eq!((r.metric_type.as_str(), r.sample_count), ("perplexity", 1));
        assert_eq!((r.avg_value, r.min_value, r.max_value), (Some(12.5), Some(12.5), Some(12.5)));
        assert_eq!(r.last_recorded_at, Some(m3.created_at));

        // ---- Generation history ----
        let temp = serde_json::json!({"temperature": 0.7});
        let g1 = q::record_generation($conn, &RecordGenerationParams {
            prompt: "p1",
            response: "r1",
            model: "markov",
            parameters: Some(&temp),
            quality_score: Some(0.9),
        }) $(.$aw)* .unwrap();
        let g2 = q::record_generation($conn, &RecordGenerationParams {
            prompt: "p2",
            response: "r2",
            model: "markov",
            parameters: None,
            quality_score: None,
        }) $(.$aw)* .unwrap();
        let g3 = q::record_generation($conn, &RecordGenerationParams {
            prompt: "p3",
            response: "r3",
            model: "neural",
            parameters: None,
            quality_score: Some(0.5),
        }) $(.$aw)* .unwrap();
        assert_eq!(q::rate_generation($conn, Some(4), g1.id) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::rate_generation($conn, Some(5), g3.id) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::rate_generation($conn, None, g2.id) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::rate_generation($conn, Some(3), -1) $(.$aw)* .unwrap(), 0);
        let out_of_range = assert_db_error!(q::rate_generation($conn, Some(6), g2.id) $(.$aw)*);
        assert!(out_of_range.is_check_violation(), "{out_of_range}");
        if let Some(code) = out_of_range.sqlstate() {
            assert_eq!(code, "23514");
            assert_eq!(out_of_range.constraint(), Some("generation_history_rating_range"));
            assert!(out_of_range.to_string().contains("(SQLSTATE 23514)"), "{out_of_range}");
        }

        let rows = q::list_generation_history($conn, None, 10) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [g3.id, g2.id, g1.id]);
        let r = &rows[2];
        assert_eq!((r.prompt.as_str(), r.response.as_str(), r.model.as_str()), ("p1", "r1", "markov"));
        assert_eq!((r.parameters.clone(), r.quality_score, r.user_rating), (Some(temp.clone()), Some(0.9), Some(4)));
        assert_eq!(r.created_at, g1.created_at);
        let r = &rows[1];
        assert_eq!((r.parameters.clone(), r.quality_score, r.user_rating), (None, None, None));
        let mut seen = Vec::new();
        q::list_generation_history_for_each($conn, Some("markov"), 10, |r| {
            seen.push(r.id);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [g2.id, g1.id]);

        let rows = q::summarize_generations_by_model($conn) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (
                    r.model.as_str(),
                    r.generation_count,
                    r.rated_count,
                    dec(r.avg_user_rating, 4),
                    r.avg_quality_score,
                )
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("markov", 2, 1, "4".to_string(), Some(0.9)),
                ("neural", 1, 1, "5".to_string(), Some(0.5)),
            ]
        );

        let long_ago = ts(2000, 1, 1, 0, 0, 0);
        assert_eq!(q::clear_generation_history_before($conn, long_ago) $(.$aw)* .unwrap(), 0);
        let tomorrow = chrono::Utc::now() + chrono::Duration::days(1);
        assert_eq!(q::clear_generation_history_before($conn, tomorrow) $(.$aw)* .unwrap(), 3);
        assert!(q::summarize_generations_by_model($conn) $(.$aw)* .unwrap().is_empty());

        // ---- Markov n-grams ----
        for (n, context, next, count) in [
            (2, "th", "e", 3),
            (2, "th", "a", 1),
            (2, "th", "e", 2),
            (2, "he", " ", 4),
            (3, "the", " ", 7),
        ] {
            q::upsert_markov_ngram($conn, n, context, next, count) $(.$aw)* .unwrap();
        }
        let rows = q::list_markov_ngrams($conn, 2, "th") $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| (r.next_char.as_str(), r.count, r.probability))
                .collect::<Vec<_>>(),
            [("e", 5, None), ("a", 1, None)]
        );
        let (id_e, id_a) = (rows[0].id, rows[1].id);
        let rows = q::get_markov_next_char_probabilities($conn, 2, "th") $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| (r.next_char.as_str(), r.count, r.total_count))
                .collect::<Vec<_>>(),
            [("e", 5, Some(6)), ("a", 1, Some(6))]
        );
        let mut seen = Vec::new();
        q::get_markov_next_char_probabilities_for_each($conn, 3, "th", |r| {
            seen.push(r.next_char);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert!(seen.is_empty());
        let rows = q::list_markov_context_totals($conn, 2) $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| (r.context.as_str(), r.total_count, r.successor_count))
                .collect::<Vec<_>>(),
            [("he", Some(4), 1), ("th", Some(6), 2)]
        );
        assert_eq!(q::set_markov_probability($conn, Some(5.0 / 6.0), id_e) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::set_markov_probability($conn, Some(1.0 / 6.0), id_a) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::set_markov_probability($conn, None, id_a) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::set_markov_probability($conn, Some(0.5), -1) $(.$aw)* .unwrap(), 0);
        let mut seen = Vec::new();
        q::list_markov_ngrams_for_each($conn, 2, "th", |r| {
            seen.push((r.next_char, r.probability));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [("e".to_string(), Some(5.0 / 6.0)), ("a".to_string(), None)]);
        assert_eq!(q::clear_markov_model($conn, 2) $(.$aw)* .unwrap(), 3);
        assert_eq!(q::clear_markov_model($conn, 2) $(.$aw)* .unwrap(), 0);
        assert!(q::list_markov_ngrams($conn, 2, "th") $(.$aw)* .unwrap().is_empty());
        let mut seen = Vec::new();
        q::list_markov_context_totals_for_each($conn, 3, |r| {
            seen.push((r.context, r.total_count, r.successor_count));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [("the".to_string(), Some(7), 1)]);

        // ---- Schema version ----
        assert_not_found!(q::get_schema_version($conn) $(.$aw)*);
        assert_eq!(q::insert_schema_version($conn, "1.0", Some("initial")) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::insert_schema_version($conn, "1.0", Some("again")) $(.$aw)* .unwrap(), 0);
        let v = q::get_schema_version($conn) $(.$aw)* .unwrap();
        assert_eq!((v.version.as_str(), v.description.as_deref()), ("1.0", Some("initial")));
        assert_eq!(q::insert_schema_version($conn, "1.1", None) $(.$aw)* .unwrap(), 1);
        let v2 = q::get_schema_version($conn) $(.$aw)* .unwrap();
        assert_eq!((v2.version.as_str(), v2.description), ("1.1", None));
        assert!(v2.applied_at >= v.applied_at);

        // ---- Deletes: ON DELETE SET NULL leaves the job with NULL LEFT JOIN columns ----
        assert_eq!(q::delete_neural_config($conn, nc1.id) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_neural_config($conn, nc1.id) $(.$aw)* .unwrap(), 0);
        assert_eq!(q::delete_corpus_text($conn, a1.id) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_corpus_text($conn, a1.id) $(.$aw)* .unwrap(), 0);
        let job = q::get_training_job_by_job_id($conn, "job-1") $(.$aw)* .unwrap();
        assert_eq!((job.neural_config_id, job.text_corpus_id), (None, None));
        assert_eq!((job.neural_config_name, job.text_corpus_title), (None, None));
        assert!(q::search_corpus_text($conn, "brown fox", 10) $(.$aw)* .unwrap().is_empty());
        pg_only_sql!($backend, $conn, "REFRESH MATERIALIZED VIEW corpus_stats");
        let stats = q::get_corpus_stats($conn) $(.$aw)* .unwrap();
        assert_eq!((stats.text_count, stats.total_words, stats.total_chars), (2, 15, 74));
        assert_eq!(stats.last_added_at, Some(a3.created_at));
    }};
}

backend_tests!("james");
