//! Every query of `queries/analytics.sql` (and its PostgreSQL override) on SQLite, PostgreSQL
//! and PostgreSQL async. On PostgreSQL llm_usage_hourly and llm_usage_daily are materialized
//! views: the scenario refreshes them (refresh_llm_usage_*()) before reading them.

#[macro_use]
mod common;

use chrono::{DateTime, Utc};
use common::{dec, ts};
use dbtool_reference_queries::analytics::InsertUsageMetricParams;
use rust_decimal::Decimal;

/// A sample with the given numbers and no user, application, environment or metadata.
#[allow(clippy::too_many_arguments)]
fn sample<'a>(
    time: DateTime<Utc>,
    model_id: &'a str,
    provider: &'a str,
    requests: i32,
    tokens_in: i32,
    tokens_out: i32,
    cost: &str,
    latency: i64,
    errors: i32,
) -> InsertUsageMetricParams<'a> {
    InsertUsageMetricParams {
        time,
        model_id,
        provider,
        request_count: Some(requests),
        token_input: Some(tokens_in),
        token_output: Some(tokens_out),
        token_total: Some(tokens_in + tokens_out),
        cost_usd: Some(cost.parse().unwrap()),
        avg_latency_ms: Some(Decimal::from(latency)),
        error_count: Some(errors),
        success_count: Some(requests - errors),
        user_id: None,
        application_id: None,
        environment: None,
        metadata: None,
    }
}

macro_rules! scenario {
    ($backend:ident, $conn:expr $(, $aw:tt)*) => {{
        use dbtool_reference_queries::analytics::$backend as q;

        let day = ts(2026, 1, 1, 0, 0, 0);
        let h1 = ts(2026, 1, 1, 1, 0, 0);
        let h2 = ts(2026, 1, 1, 2, 0, 0);
        let h4 = ts(2026, 1, 1, 4, 0, 0);
        let next_day = ts(2026, 1, 2, 0, 0, 0);
        let day_after = ts(2026, 1, 3, 0, 0, 0);
        let old = ts(2025, 12, 1, 12, 0, 0);

        // GetLatestUsageTime: NULL without samples.
        assert_eq!(q::get_latest_usage_time($conn) $(.$aw)* .unwrap(), None);

        // InsertUsageMetric.
        let meta = serde_json::json!({"region": "eu"});
        let samples = [
            InsertUsageMetricParams {
                user_id: Some("u1"),
                application_id: Some("chat"),
                environment: Some("prod"),
                metadata: Some(&meta),
                ..sample(ts(2026, 1, 1, 0, 10, 0), "gpt-4o", "openai", 10, 100, 50, "0.5", 100, 1)
            },
            InsertUsageMetricParams {
                application_id: Some("chat"),
                environment: Some("prod"),
                ..sample(ts(2026, 1, 1, 0, 40, 0), "gpt-4o", "openai", 20, 200, 100, "1.0", 200, 0)
            },
            sample(ts(2026, 1, 1, 1, 15, 0), "gpt-4o", "openai", 5, 50, 25, "0.25", 300, 2),
            InsertUsageMetricParams {
                application_id: Some("batch"),
                ..sample(ts(2026, 1, 1, 0, 30, 0), "claude", "anthropic", 4, 40, 20, "2.0", 50, 0)
            },
            sample(ts(2026, 1, 1, 0, 50, 0), "gpt-4o", "azure", 2, 20, 10, "0.1", 80, 1),
            sample(ts(2026, 1, 1, 3, 0, 0), "tiny", "idle", 0, 0, 0, "0", 0, 0),
            sample(ts(2026, 1, 2, 5, 0, 0), "claude", "anthropic", 1, 10, 5, "0.01", 40, 0),
            // Every optional NULL.
            InsertUsageMetricParams {
                request_count: None,
                token_input: None,
                token_output: None,
                token_total: None,
                cost_usd: None,
                avg_latency_ms: None,
                error_count: None,
                success_count: None,
                ..sample(old, "old-model", "openai", 0, 0, 0, "0", 0, 0)
            },
        ];
        for s in &samples {
            q::insert_usage_metric($conn, s) $(.$aw)* .expect("insert sample");
        }
        let latest = q::get_latest_usage_time($conn) $(.$aw)* .unwrap();
        assert_eq!(latest, Some(ts(2026, 1, 2, 5, 0, 0)));

        // The roll-ups are materialized views on PostgreSQL.
        pg_only_sql!($backend, $conn, "SELECT refresh_llm_usage_hourly(); SELECT refresh_llm_usage_daily();");

        // SummarizeUsageByModel: raw samples, most expensive first.
        let rows = q::summarize_usage_by_model($conn, day, h2) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (
                    r.model_id.as_str(),
                    r.provider.as_str(),
                    r.total_requests,
                    r.total_tokens,
                    dec(r.total_cost_usd, 6),
                    r.total_errors,
                )
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("claude", "anthropic", Some(4), Some(60), "2".to_string(), Some(0)),
                ("gpt-4o", "openai", Some(35), Some(525), "1.75".to_string(), Some(3)),
                ("gpt-4o", "azure", Some(2), Some(30), "0.1".to_string(), Some(1)),
            ]
        );
        // A group whose values are all NULL sums to NULL.
        let mut seen = Vec::new();
        q::summarize_usage_by_model_for_each($conn, old, day, |r| {
            seen.push(r);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen.len(), 1);
        assert_eq!((seen[0].model_id.as_str(), seen[0].provider.as_str()), ("old-model", "openai"));
        assert_eq!(seen[0].total_requests, None);
        assert_eq!(seen[0].total_tokens, None);
        assert_eq!(seen[0].total_cost_usd, None);
        assert_eq!(seen[0].total_errors, None);

        // SummarizeHourlyUsageByModel: the same numbers from the hourly roll-up.
        let rows = q::summarize_hourly_usage_by_model($conn, day, h2) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (
                    r.model_id.as_str(),
                    r.provider.as_str(),
                    dec(r.total_requests, 0),
                    dec(r.total_tokens, 0),
                    dec(r.total_cost_usd, 6),
                    dec(r.total_errors, 0),
                )
            })
            .collect::<Vec<_>>();
        let s = |v: &str| v.to_string();
        assert_eq!(
            got,
            [
                ("claude", "anthropic", s("4"), s("60"), s("2"), s("0")),
                ("gpt-4o", "openai", s("35"), s("525"), s("1.75"), s("3")),
                ("gpt-4o", "azure", s("2"), s("30"), s("0.1"), s("1")),
            ]
        );
        let mut seen = Vec::new();
        q::summarize_hourly_usage_by_model_for_each($conn, h1, h2, |r| {
            seen.push((r.model_id, r.provider, dec(r.total_requests, 0)));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(s("gpt-4o"), s("openai"), s("5"))]);

        // ListHourlyUsageForModel: one row per hour and provider, optional provider filter.
        let rows = q::list_hourly_usage_for_model($conn, "gpt-4o", day, h2, None) $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter().map(|r| (r.hour, r.provider.as_str())).collect::<Vec<_>>(),
            [(day, "azure"), (day, "openai"), (h1, "openai")]
        );
        let r = &rows[1];
        assert_eq!(r.model_id, "gpt-4o");
        assert_eq!(r.request_count, Some(30));
        assert_eq!(r.token_input, Some(300));
        assert_eq!(r.token_output, Some(150));
        assert_eq!(r.token_total, Some(450));
        assert_eq!(dec(r.cost_usd, 6), "1.5");
        assert_eq!(dec(r.avg_latency_ms, 2), "150");
        assert_eq!(r.error_count, Some(1));
        assert_eq!(r.success_count, Some(29));
        assert_eq!(r.sample_count, 2);
        assert_eq!(rows[0].sample_count, 1);
        assert_eq!(dec(rows[0].avg_latency_ms, 2), "80");
        let mut seen = Vec::new();
        q::list_hourly_usage_for_model_for_each($conn, "gpt-4o", day, h2, Some("openai"), |r| {
            seen.push((r.hour, r.request_count, r.sample_count));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(day, Some(30), 2), (h1, Some(5), 1)]);
        let none = q::list_hourly_usage_for_model($conn, "gpt-4o", day, h2, Some("nobody"))
            $(.$aw)* .unwrap();
        assert!(none.is_empty());

        // ListDailyUsage: optional model filter.
        let rows = q::list_daily_usage($conn, day, day_after, None) $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| (r.day, r.model_id.as_str(), r.provider.as_str()))
                .collect::<Vec<_>>(),
            [
                (day, "claude", "anthropic"),
                (day, "gpt-4o", "azure"),
                (day, "gpt-4o", "openai"),
                (day, "tiny", "idle"),
                (next_day, "claude", "anthropic"),
            ]
        );
        let r = &rows[2];
        assert_eq!(r.request_count, Some(35));
        assert_eq!(r.token_total, Some(525));
        assert_eq!(dec(r.cost_usd, 6), "1.75");
        assert_eq!(dec(r.avg_latency_ms, 2), "200");
        assert_eq!(r.error_count, Some(3));
        assert_eq!(r.success_count, Some(32));
        let mut seen = Vec::new();
        q::list_daily_usage_for_each($conn, day, day_after, Some("claude"), |r| {
            seen.push((r.day, r.request_count, dec(r.cost_usd, 6)));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(day, Some(4), s("2")), (next_day, Some(1), s("0.01"))]);

        // ListTopModelsByCost.
        let rows = q::list_top_models_by_cost($conn, day, day_after, 1) $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].model_id, "claude");
        assert_eq!(dec(rows[0].total_cost_usd, 6), "2.01");
        assert_eq!(dec(rows[0].total_requests, 0), "5");
        assert_eq!(dec(rows[0].total_tokens, 0), "75");
        let mut seen = Vec::new();
        q::list_top_models_by_cost_for_each($conn, day, day_after, 10, |r| {
            seen.push((r.model_id, dec(r.total_cost_usd, 6), dec(r.total_requests, 0)));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(
            seen,
            [
                (s("claude"), s("2.01"), s("5")),
                (s("gpt-4o"), s("1.85"), s("37")),
                (s("tiny"), s("0"), s("0")),
            ]
        );

        // ErrorRateByProvider: worst first; "idle" served no requests and is left out.
        let rows = q::error_rate_by_provider($conn, day, h4) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (r.provider.as_str(), r.total_requests, r.total_errors, dec(r.error_rate_pct, 2))
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("azure", Some(2), Some(1), s("50")),
                ("openai", Some(35), Some(3), s("8.57")),
                ("anthropic", Some(4), Some(0), s("0")),
            ]
        );
        let mut seen = 0;
        q::error_rate_by_provider_for_each($conn, old, day, |_| {
            seen += 1;
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, 0, "a provider without request counts has no error rate");

        // WeightedLatencyByModel: NULLIF gives NULL for a model without requests.
        let rows = q::weighted_latency_by_model($conn, day, h4) $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!((rows[0].model_id.as_str(), rows[0].total_requests), ("claude", Some(4)));
        assert_eq!(dec(rows[0].weighted_avg_latency_ms, 4), "50");
        assert_eq!((rows[1].model_id.as_str(), rows[1].total_requests), ("gpt-4o", Some(37)));
        assert_eq!(dec(rows[1].weighted_avg_latency_ms, 4), "180");
        assert_eq!((rows[2].model_id.as_str(), rows[2].total_requests), ("tiny", Some(0)));
        assert_eq!(rows[2].weighted_avg_latency_ms, None);
        let mut seen = Vec::new();
        q::weighted_latency_by_model_for_each($conn, h1, h2, |r| {
            seen.push((r.model_id, dec(r.weighted_avg_latency_ms, 4)));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(s("gpt-4o"), s("300"))]);

        // SummarizeUsageByApplication: NULL application and environment form their own group.
        let rows = q::summarize_usage_by_application($conn, day, h2) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (
                    r.application_id.as_deref(),
                    r.environment.as_deref(),
                    r.total_requests,
                    r.total_tokens,
                    dec(r.total_cost_usd, 6),
                )
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (Some("batch"), None, Some(4), Some(60), s("2")),
                (Some("chat"), Some("prod"), Some(30), Some(450), s("1.5")),
                (None, None, Some(7), Some(105), s("0.35")),
            ]
        );
        let mut seen = Vec::new();
        q::summarize_usage_by_application_for_each($conn, next_day, day_after, |r| {
            seen.push((r.application_id, r.environment, r.total_requests));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(None, None, Some(1))]);

        // ListLiveHourlyUsageForModel: a sample written after the last refresh is included.
        q::insert_usage_metric(
            $conn,
            &sample(ts(2026, 1, 1, 1, 45, 0), "gpt-4o", "openai", 1, 5, 5, "0.05", 100, 0),
        ) $(.$aw)* .unwrap();
        let rows = q::list_live_hourly_usage_for_model($conn, "gpt-4o", day, h2) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (
                    r.hour,
                    r.provider.as_str(),
                    r.request_count,
                    r.token_total,
                    dec(r.cost_usd, 6),
                    dec(r.avg_latency_ms, 2),
                    r.error_count,
                )
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (day, "azure", Some(2), Some(30), s("0.1"), s("80"), Some(1)),
                (day, "openai", Some(30), Some(450), s("1.5"), s("150"), Some(1)),
                (h1, "openai", Some(6), Some(85), s("0.3"), s("200"), Some(2)),
            ]
        );
        let mut seen = Vec::new();
        q::list_live_hourly_usage_for_model_for_each($conn, "claude", day, h2, |r| {
            seen.push((r.hour, r.provider, r.request_count));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(day, s("anthropic"), Some(4))]);

        // DeleteUsageMetricsBefore.
        assert_eq!(q::delete_usage_metrics_before($conn, day) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_usage_metrics_before($conn, day) $(.$aw)* .unwrap(), 0);
        assert_eq!(q::delete_usage_metrics_before($conn, next_day) $(.$aw)* .unwrap(), 7);
        let latest = q::get_latest_usage_time($conn) $(.$aw)* .unwrap();
        assert_eq!(latest, Some(ts(2026, 1, 2, 5, 0, 0)));
        assert_eq!(q::delete_usage_metrics_before($conn, day_after) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::get_latest_usage_time($conn) $(.$aw)* .unwrap(), None);
    }};
}

backend_tests!("analytics");
