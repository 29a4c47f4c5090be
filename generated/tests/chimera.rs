//! Every query of `queries/chimera.sql` on SQLite, PostgreSQL and PostgreSQL async.

#[macro_use]
mod common;

use common::{dec, ts, uuid};

macro_rules! scenario {
    ($backend:ident, $conn:expr $(, $aw:tt)*) => {{
        use dbtool_reference_queries::chimera::$backend as q;
        use dbtool_reference_queries::chimera::{
            InsertInteractionParams, InsertJailbreakExperimentParams,
            InsertTransformationEventParams, ListInteractionsInWindowParams,
            ListJailbreakExperimentsInWindowParams, ListTransformationEventsInWindowParams,
        };

        let since = ts(2026, 1, 1, 0, 0, 0);
        let until = ts(2026, 1, 1, 1, 0, 0);
        let session = uuid(0x5e55);
        let config = serde_json::json!({"temperature": 0.5});

        // GetLatestInteractionTime: NULL on an empty table.
        let latest = q::get_latest_interaction_time($conn) $(.$aw)* .unwrap();
        assert_eq!(latest, None);

        // InsertInteraction: idempotent on id; NULL optionals stay NULL.
        let i1 = InsertInteractionParams {
            id: uuid(1),
            session_id: Some(session),
            tenant_id: Some("acme"),
            provider: "openai",
            model: "gpt-4o",
            prompt: "p1",
            response: Some("r1"),
            system_instruction: Some("be brief"),
            config: Some(&config),
            tokens_prompt: Some(10),
            tokens_completion: Some(20),
            latency_ms: Some(100),
            error_message: None,
            created_at: Some(ts(2026, 1, 1, 0, 10, 0)),
        };
        assert_eq!(q::insert_interaction($conn, &i1) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::insert_interaction($conn, &i1) $(.$aw)* .unwrap(), 0);
        let i2 = InsertInteractionParams {
            id: uuid(2),
            session_id: None,
            tenant_id: None,
            provider: "anthropic",
            model: "claude",
            prompt: "p2",
            response: None,
            system_instruction: None,
            config: None,
            tokens_prompt: None,
            tokens_completion: None,
            latency_ms: None,
            error_message: Some("timeout"),
            created_at: Some(ts(2026, 1, 1, 0, 20, 0)),
        };
        assert_eq!(q::insert_interaction($conn, &i2) $(.$aw)* .unwrap(), 1);
        let i3 = InsertInteractionParams {
            id: uuid(3),
            prompt: "p3",
            response: Some("r3"),
            latency_ms: Some(301),
            tokens_prompt: Some(5),
            tokens_completion: Some(7),
            created_at: Some(ts(2026, 1, 1, 0, 30, 0)),
            ..i1
        };
        assert_eq!(q::insert_interaction($conn, &i3) $(.$aw)* .unwrap(), 1);
        // Outside the window (exactly at `until`: windows are half-open).
        let i4 = InsertInteractionParams {
            id: uuid(4),
            prompt: "p4",
            session_id: None,
            created_at: Some(until),
            ..i1
        };
        assert_eq!(q::insert_interaction($conn, &i4) $(.$aw)* .unwrap(), 1);

        // GetInteraction.
        let got = q::get_interaction($conn, uuid(1)) $(.$aw)* .unwrap();
        assert_eq!(got.id, uuid(1));
        assert_eq!(got.session_id, Some(session));
        assert_eq!(got.tenant_id.as_deref(), Some("acme"));
        assert_eq!(got.provider, "openai");
        assert_eq!(got.model, "gpt-4o");
        assert_eq!(got.prompt, "p1");
        assert_eq!(got.response.as_deref(), Some("r1"));
        assert_eq!(got.system_instruction.as_deref(), Some("be brief"));
        assert_eq!(got.config, Some(config.clone()));
        assert_eq!(got.tokens_prompt, Some(10));
        assert_eq!(got.tokens_completion, Some(20));
        assert_eq!(got.latency_ms, Some(100));
        assert_eq!(got.error_message, None);
        assert_eq!(got.created_at, Some(ts(2026, 1, 1, 0, 10, 0)));
        assert!(got.ingested_at.is_some());
        let got = q::get_interaction($conn, uuid(2)) $(.$aw)* .unwrap();
        assert_eq!(got.session_id, None);
        assert_eq!(got.tenant_id, None);
        assert_eq!(got.response, None);
        assert_eq!(got.system_instruction, None);
        assert_eq!(got.config, None);
        assert_eq!(got.tokens_prompt, None);
        assert_eq!(got.latency_ms, None);
        assert_eq!(got.error_message.as_deref(), Some("timeout"));
        assert_not_found!(q::get_interaction($conn, uuid(99)) $(.$aw)*);

        // GetLatestInteractionTime.
        let latest = q::get_latest_interaction_time($conn) $(.$aw)* .unwrap();
        assert_eq!(latest, Some(until));

        // ListInteractionsInWindow: half-open, optional provider, paged.
        let window = ListInteractionsInWindowParams {
            since,
            until,
            provider: None,
            max_rows: 10,
            skip_rows: 0,
        };
        let rows = q::list_interactions_in_window($conn, &window) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [uuid(1), uuid(2), uuid(3)]);
        assert_eq!(rows[1].provider, "anthropic");
        assert_eq!(rows[1].response, None);
        assert_eq!(rows[2].latency_ms, Some(301));
        let openai = ListInteractionsInWindowParams {
            provider: Some("openai"),
            skip_rows: 1,
            ..window
        };
        let rows = q::list_interactions_in_window($conn, &openai) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [uuid(3)]);
        let mut seen = Vec::new();
        q::list_interactions_in_window_for_each(
            $conn,
            &ListInteractionsInWindowParams { max_rows: 2, ..window },
            |r| {
                seen.push((r.id, r.created_at));
                Ok(())
            },
        ) $(.$aw)* .unwrap();
        assert_eq!(
            seen,
            [(uuid(1), Some(ts(2026, 1, 1, 0, 10, 0))), (uuid(2), Some(ts(2026, 1, 1, 0, 20, 0)))]
        );

        // ListInteractionsForSession.
        let rows = q::list_interactions_for_session($conn, session) $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].id, uuid(1));
        assert_eq!(rows[0].provider, "openai");
        assert_eq!(rows[0].model, "gpt-4o");
        assert_eq!(rows[0].prompt, "p1");
        assert_eq!(rows[0].response.as_deref(), Some("r1"));
        assert_eq!(rows[0].tokens_prompt, Some(10));
        assert_eq!(rows[0].tokens_completion, Some(20));
        assert_eq!(rows[0].latency_ms, Some(100));
        assert_eq!(rows[0].error_message, None);
        assert_eq!(rows[0].created_at, Some(ts(2026, 1, 1, 0, 10, 0)));
        assert_eq!(rows[1].id, uuid(3));
        let mut seen = 0;
        q::list_interactions_for_session_for_each($conn, uuid(0xbad), |_| {
            seen += 1;
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, 0);

        // CountInteractionsByProviderModel: sums and averages skip NULLs; a group of NULLs
        // sums to NULL.
        let rows = q::count_interactions_by_provider_model($conn, since, until) $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].provider.as_str(), rows[0].model.as_str()), ("openai", "gpt-4o"));
        assert_eq!(rows[0].interaction_count, 2);
        assert_eq!(rows[0].total_tokens_prompt, Some(15));
        assert_eq!(rows[0].total_tokens_completion, Some(27));
        assert_eq!(dec(rows[0].avg_latency_ms, 2), "200.5");
        assert_eq!(rows[0].error_count, Some(0));
        assert_eq!((rows[1].provider.as_str(), rows[1].model.as_str()), ("anthropic", "claude"));
        assert_eq!(rows[1].interaction_count, 1);
        assert_eq!(rows[1].total_tokens_prompt, None);
        assert_eq!(rows[1].total_tokens_completion, None);
        assert_eq!(rows[1].avg_latency_ms, None);
        assert_eq!(rows[1].error_count, Some(1));
        let mut seen = Vec::new();
        q::count_interactions_by_provider_model_for_each($conn, until, ts(2026, 1, 1, 2, 0, 0), |r| {
            seen.push((r.provider, r.interaction_count));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [("openai".to_string(), 1)]);

        // InsertTransformationEvent: with an interaction, without one, and with one that is not
        // ingested (the LEFT JOIN then yields NULLs).
        let meta = serde_json::json!({"k": "v"});
        let e1 = InsertTransformationEventParams {
            id: uuid(11),
            interaction_id: Some(uuid(1)),
            technique_suite: "obfuscation",
            technique_name: "base64",
            original_prompt: "o1",
            transformed_prompt: "t1",
            transformation_time_ms: Some(10),
            success: Some(true),
            metadata: Some(&meta),
            created_at: Some(ts(2026, 1, 1, 0, 11, 0)),
        };
        assert_eq!(q::insert_transformation_event($conn, &e1) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::insert_transformation_event($conn, &e1) $(.$aw)* .unwrap(), 0);
        let e2 = InsertTransformationEventParams {
            id: uuid(12),
            interaction_id: None,
            technique_name: "rot13",
            original_prompt: "o2",
            transformed_prompt: "t2",
            transformation_time_ms: Some(20),
            success: Some(false),
            metadata: None,
            created_at: Some(ts(2026, 1, 1, 0, 12, 0)),
            ..e1
        };
        assert_eq!(q::insert_transformation_event($conn, &e2) $(.$aw)* .unwrap(), 1);
        let e3 = InsertTransformationEventParams {
            id: uuid(13),
            interaction_id: Some(uuid(2)),
            technique_suite: "roleplay",
            technique_name: "dan",
            transformation_time_ms: None,
            success: None,
            created_at: Some(ts(2026, 1, 1, 0, 13, 0)),
            ..e1
        };
        assert_eq!(q::insert_transformation_event($conn, &e3) $(.$aw)* .unwrap(), 1);
        let e4 = InsertTransformationEventParams {
            id: uuid(14),
            interaction_id: Some(uuid(1)),
            transformation_time_ms: Some(40),
            created_at: Some(until),
            ..e1
        };
        assert_eq!(q::insert_transformation_event($conn, &e4) $(.$aw)* .unwrap(), 1);

        // ListTransformationEventsInWindow.
        let window = ListTransformationEventsInWindowParams {
            since,
            until,
            technique_suite: None,
            max_rows: 10,
            skip_rows: 0,
        };
        let rows = q::list_transformation_events_in_window($conn, &window) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [uuid(11), uuid(12), uuid(13)]);
        assert_eq!(rows[0].interaction_id, Some(uuid(1)));
        assert_eq!(rows[0].technique_suite, "obfuscation");
        assert_eq!(rows[0].technique_name, "base64");
        assert_eq!(rows[0].original_prompt, "o1");
        assert_eq!(rows[0].transformed_prompt, "t1");
        assert_eq!(rows[0].transformation_time_ms, Some(10));
        assert_eq!(rows[0].success, Some(true));
        assert_eq!(rows[0].metadata, Some(meta.clone()));
        assert_eq!(rows[0].created_at, Some(ts(2026, 1, 1, 0, 11, 0)));
        assert!(rows[0].ingested_at.is_some());
        assert_eq!(rows[1].interaction_id, None);
        assert_eq!(rows[1].success, Some(false));
        assert_eq!(rows[1].metadata, None);
        assert_eq!(rows[2].success, None);
        assert_eq!(rows[2].transformation_time_ms, None);
        let suite = ListTransformationEventsInWindowParams {
            technique_suite: Some("obfuscation"),
            skip_rows: 1,
            ..window
        };
        let mut seen = Vec::new();
        q::list_transformation_events_in_window_for_each($conn, &suite, |r| {
            seen.push(r.id);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [uuid(12)]);

        // ListTransformationEventsWithInteraction: NULLs from the LEFT JOIN, and the provider
        // filter.
        let rows = q::list_transformation_events_with_interaction($conn, since, until, None, 10)
            $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].id, uuid(11));
        assert_eq!(rows[0].interaction_id, Some(uuid(1)));
        assert_eq!(rows[0].technique_suite, "obfuscation");
        assert_eq!(rows[0].technique_name, "base64");
        assert_eq!(rows[0].success, Some(true));
        assert_eq!(rows[0].transformation_time_ms, Some(10));
        assert_eq!(rows[0].created_at, Some(ts(2026, 1, 1, 0, 11, 0)));
        assert_eq!(rows[0].interaction_provider.as_deref(), Some("openai"));
        assert_eq!(rows[0].interaction_model.as_deref(), Some("gpt-4o"));
        assert_eq!(rows[0].interaction_latency_ms, Some(100));
        assert_eq!(rows[1].id, uuid(12));
        assert_eq!(rows[1].interaction_id, None);
        assert_eq!(rows[1].interaction_provider, None);
        assert_eq!(rows[1].interaction_model, None);
        assert_eq!(rows[1].interaction_latency_ms, None);
        assert_eq!(rows[2].interaction_provider.as_deref(), Some("anthropic"));
        assert_eq!(rows[2].interaction_latency_ms, None);
        let mut seen = Vec::new();
        q::list_transformation_events_with_interaction_for_each(
            $conn, since, until, Some("anthropic"), 10,
            |r| {
                seen.push((r.id, r.interaction_model));
                Ok(())
            },
        ) $(.$aw)* .unwrap();
        assert_eq!(seen, [(uuid(13), Some("claude".to_string()))]);
        let rows = q::list_transformation_events_with_interaction($conn, since, until, None, 1)
            $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 1);

        // SummarizeTransformationTechniques.
        let rows = q::summarize_transformation_techniques($conn, since, until) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (
                    r.technique_suite.as_str(),
                    r.technique_name.as_str(),
                    r.attempt_count,
                    r.success_count,
                    r.avg_transformation_time_ms.map(|d| dec(Some(d), 2)),
                )
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("obfuscation", "base64", 1, Some(1), Some("10".to_string())),
                ("obfuscation", "rot13", 1, Some(0), Some("20".to_string())),
                ("roleplay", "dan", 1, Some(0), None),
            ]
        );
        let mut seen = Vec::new();
        q::summarize_transformation_techniques_for_each($conn, since, ts(2027, 1, 1, 0, 0, 0), |r| {
            let avg = r.avg_transformation_time_ms.map(|d| dec(Some(d), 2));
            seen.push((r.technique_name, r.attempt_count, avg));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen[0], ("base64".to_string(), 2, Some("25".to_string())));
        assert_eq!(seen.len(), 3);

        // InsertJailbreakExperiment.
        let jmeta = serde_json::json!({"seed": 7});
        let j1 = InsertJailbreakExperimentParams {
            id: uuid(21),
            framework: "pair",
            attack_method: "iterative",
            goal: "g1",
            final_prompt: Some("fp1"),
            target_response: Some("tr1"),
            iterations: Some(3),
            success: Some(true),
            judge_score: Some(8.5),
            metadata: Some(&jmeta),
            created_at: Some(ts(2026, 1, 1, 0, 5, 0)),
        };
        assert_eq!(q::insert_jailbreak_experiment($conn, &j1) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::insert_jailbreak_experiment($conn, &j1) $(.$aw)* .unwrap(), 0);
        let j2 = InsertJailbreakExperimentParams {
            id: uuid(22),
            goal: "g2",
            final_prompt: None,
            target_response: None,
            iterations: Some(5),
            success: Some(false),
            judge_score: Some(2.5),
            metadata: None,
            created_at: Some(ts(2026, 1, 1, 0, 6, 0)),
            ..j1
        };
        assert_eq!(q::insert_jailbreak_experiment($conn, &j2) $(.$aw)* .unwrap(), 1);
        let j3 = InsertJailbreakExperimentParams {
            id: uuid(23),
            framework: "tap",
            attack_method: "tree",
            judge_score: None,
            iterations: None,
            success: None,
            created_at: Some(ts(2026, 1, 1, 0, 7, 0)),
            ..j1
        };
        assert_eq!(q::insert_jailbreak_experiment($conn, &j3) $(.$aw)* .unwrap(), 1);

        // ListJailbreakExperimentsInWindow.
        let window = ListJailbreakExperimentsInWindowParams {
            since,
            until,
            framework: None,
            max_rows: 10,
            skip_rows: 0,
        };
        let rows = q::list_jailbreak_experiments_in_window($conn, &window) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [uuid(21), uuid(22), uuid(23)]);
        assert_eq!(rows[0].framework, "pair");
        assert_eq!(rows[0].attack_method, "iterative");
        assert_eq!(rows[0].goal, "g1");
        assert_eq!(rows[0].final_prompt.as_deref(), Some("fp1"));
        assert_eq!(rows[0].target_response.as_deref(), Some("tr1"));
        assert_eq!(rows[0].iterations, Some(3));
        assert_eq!(rows[0].success, Some(true));
        assert_eq!(rows[0].judge_score, Some(8.5));
        assert_eq!(rows[0].metadata, Some(jmeta.clone()));
        assert_eq!(rows[0].created_at, Some(ts(2026, 1, 1, 0, 5, 0)));
        assert!(rows[0].ingested_at.is_some());
        assert_eq!(rows[1].final_prompt, None);
        assert_eq!(rows[1].target_response, None);
        assert_eq!(rows[1].metadata, None);
        assert_eq!(rows[1].success, Some(false));
        assert_eq!(rows[2].judge_score, None);
        assert_eq!(rows[2].success, None);
        let mut seen = Vec::new();
        q::list_jailbreak_experiments_in_window_for_each(
            $conn,
            &ListJailbreakExperimentsInWindowParams {
                framework: Some("pair"),
                max_rows: 1,
                skip_rows: 1,
                ..window
            },
            |r| {
                seen.push(r.id);
                Ok(())
            },
        ) $(.$aw)* .unwrap();
        assert_eq!(seen, [uuid(22)]);

        // SummarizeJailbreakExperiments.
        let rows = q::summarize_jailbreak_experiments($conn, since, until) $(.$aw)* .unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!((rows[0].framework.as_str(), rows[0].attack_method.as_str()), ("pair", "iterative"));
        assert_eq!(rows[0].experiment_count, 2);
        assert_eq!(rows[0].success_count, Some(1));
        assert_eq!(rows[0].avg_judge_score, Some(5.5));
        assert_eq!(rows[0].max_iterations, Some(5));
        assert_eq!((rows[1].framework.as_str(), rows[1].attack_method.as_str()), ("tap", "tree"));
        assert_eq!(rows[1].experiment_count, 1);
        assert_eq!(rows[1].success_count, Some(0));
        assert_eq!(rows[1].avg_judge_score, None);
        assert_eq!(rows[1].max_iterations, None);
        let mut seen = 0;
        q::summarize_jailbreak_experiments_for_each($conn, until, ts(2027, 1, 1, 0, 0, 0), |_| {
            seen += 1;
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, 0);
    }};
}

backend_tests!("chimera");
