//! Every query of `queries/chainlit.sql` on SQLite, PostgreSQL and PostgreSQL async.

#[macro_use]
mod common;

use common::uuid;
use dbtool_reference_queries::chainlit::{
    UpsertElementParams, UpsertFeedbackParams, UpsertStepParams, UpsertThreadParams,
};

/// A step with only its required values and a "createdAt".
fn step<'a>(
    id: uuid::Uuid,
    name: &'a str,
    r#type: &'a str,
    thread_id: uuid::Uuid,
    created_at: Option<&'a str>,
) -> UpsertStepParams<'a> {
    UpsertStepParams {
        id,
        name,
        r#type,
        thread_id,
        parent_id: None,
        streaming: false,
        wait_for_answer: None,
        is_error: None,
        metadata: None,
        tags: None,
        input: None,
        output: None,
        created_at,
        command: None,
        start_time: None,
        end_time: None,
        generation: None,
        show_input: None,
        language: None,
        indent: None,
        default_open: None,
    }
}

/// A thread update that changes nothing (every optional NULL).
fn thread<'a>(id: uuid::Uuid) -> UpsertThreadParams<'a> {
    UpsertThreadParams {
        id,
        created_at: None,
        name: None,
        user_id: None,
        user_identifier: None,
        tags: None,
        metadata: None,
    }
}

macro_rules! scenario {
    ($backend:ident, $conn:expr $(, $aw:tt)*) => {{
        use dbtool_reference_queries::chainlit::$backend as q;

        let (alice, bob, carol) = (uuid(1), uuid(2), uuid(3));
        let (t1, t2, t3, t4, t5) = (uuid(0x11), uuid(0x12), uuid(0x13), uuid(0x14), uuid(0x15));
        let (s1, s2, s3, s4, s5) = (uuid(0x21), uuid(0x22), uuid(0x23), uuid(0x24), uuid(0x25));
        let (e1, e2) = (uuid(0x31), uuid(0x32));
        let (f1, f2, f3, f4) = (uuid(0x41), uuid(0x42), uuid(0x43), uuid(0x44));
        let s = |v: &str| Some(v.to_string());

        // UpsertUser: insert, then a conflicting identifier only refreshes the metadata.
        let admin = serde_json::json!({"role": "admin"});
        let user = serde_json::json!({"role": "user"});
        let empty = serde_json::json!({});
        let u = q::upsert_user($conn, alice, "alice", &admin, Some("2026-01-01T00:00:00.000Z"))
            $(.$aw)* .unwrap();
        assert_eq!(u.id, alice);
        assert_eq!(u.identifier, "alice");
        assert_eq!(u.metadata, admin);
        assert_eq!(u.created_at, s("2026-01-01T00:00:00.000Z"));
        let u = q::upsert_user($conn, uuid(9), "alice", &user, Some("2027-01-01T00:00:00.000Z"))
            $(.$aw)* .unwrap();
        assert_eq!(u.id, alice);
        assert_eq!(u.metadata, user);
        assert_eq!(u.created_at, s("2026-01-01T00:00:00.000Z"));
        let u = q::upsert_user($conn, bob, "bob", &empty, None) $(.$aw)* .unwrap();
        assert_eq!((u.id, u.created_at), (bob, None));
        q::upsert_user($conn, carol, "carol", &empty, None) $(.$aw)* .unwrap();

        // GetUserByIdentifier, GetUser.
        let u = q::get_user_by_identifier($conn, "alice") $(.$aw)* .unwrap();
        assert_eq!((u.id, u.metadata), (alice, user.clone()));
        assert_not_found!(q::get_user_by_identifier($conn, "nobody") $(.$aw)*);
        let u = q::get_user($conn, bob) $(.$aw)* .unwrap();
        assert_eq!(u.identifier, "bob");
        assert_eq!(u.metadata, empty);
        assert_eq!(u.created_at, None);
        assert_not_found!(q::get_user($conn, uuid(9)) $(.$aw)*);

        // UpsertThread: create, then NULL arguments keep the stored values and "createdAt" never
        // changes.
        let tags_ab = vec!["a".to_string(), "b".to_string()];
        let tags_c = vec!["c".to_string()];
        let no_tags: Vec<String> = Vec::new();
        let tmeta = serde_json::json!({"x": 1});
        q::upsert_thread($conn, &UpsertThreadParams {
            created_at: Some("2026-01-01T10:00:00.000Z"),
            name: Some("Sales Report"),
            user_id: Some(alice),
            user_identifier: Some("alice"),
            tags: Some(tags_ab.as_slice()),
            metadata: Some(&tmeta),
            ..thread(t1)
        }) $(.$aw)* .unwrap();
        q::upsert_thread($conn, &UpsertThreadParams {
            created_at: Some("2030-01-01T00:00:00.000Z"),
            ..thread(t1)
        }) $(.$aw)* .unwrap();
        let got = q::get_thread($conn, t1) $(.$aw)* .unwrap();
        assert_eq!(got.id, t1);
        assert_eq!(got.created_at, s("2026-01-01T10:00:00.000Z"));
        assert_eq!(got.name, s("Sales Report"));
        assert_eq!(got.user_id, Some(alice));
        assert_eq!(got.user_identifier, s("alice"));
        assert_eq!(got.tags, Some(tags_ab.clone()));
        assert_eq!(got.metadata, Some(tmeta.clone()));
        q::upsert_thread($conn, &UpsertThreadParams {
            name: Some("Sales Report Q1"),
            tags: Some(tags_c.as_slice()),
            ..thread(t1)
        }) $(.$aw)* .unwrap();
        let got = q::get_thread($conn, t1) $(.$aw)* .unwrap();
        assert_eq!(got.name, s("Sales Report Q1"));
        assert_eq!(got.tags, Some(tags_c.clone()));
        assert_eq!(got.metadata, Some(tmeta.clone()));
        assert_eq!(got.created_at, s("2026-01-01T10:00:00.000Z"));
        q::upsert_thread($conn, &UpsertThreadParams {
            created_at: Some("2026-01-02T10:00:00.000Z"),
            name: Some("Marketing plan"),
            user_id: Some(alice),
            user_identifier: Some("alice"),
            ..thread(t2)
        }) $(.$aw)* .unwrap();
        q::upsert_thread($conn, &UpsertThreadParams {
            name: Some("draft"),
            user_id: Some(alice),
            user_identifier: Some("alice"),
            ..thread(t3)
        }) $(.$aw)* .unwrap();
        q::upsert_thread($conn, &UpsertThreadParams {
            created_at: Some("2026-01-03T10:00:00.000Z"),
            user_id: Some(bob),
            user_identifier: Some("bob"),
            tags: Some(no_tags.as_slice()),
            ..thread(t4)
        }) $(.$aw)* .unwrap();
        q::upsert_thread($conn, &UpsertThreadParams {
            created_at: Some("2026-01-04T10:00:00.000Z"),
            name: Some("orphan"),
            ..thread(t5)
        }) $(.$aw)* .unwrap();

        // GetThread: NULLs and an empty array.
        let got = q::get_thread($conn, t4) $(.$aw)* .unwrap();
        assert_eq!(got.name, None);
        assert_eq!(got.tags, Some(Vec::new()));
        assert_eq!(got.metadata, None);
        let got = q::get_thread($conn, t5) $(.$aw)* .unwrap();
        assert_eq!(got.user_id, None);
        assert_eq!(got.user_identifier, None);
        assert_eq!(got.tags, None);
        assert_not_found!(q::get_thread($conn, uuid(0x99)) $(.$aw)*);

        // GetThreadAuthor: no row for a thread without a user (INNER JOIN).
        let author = q::get_thread_author($conn, t1) $(.$aw)* .unwrap();
        assert_eq!(author, "alice");
        assert_eq!(q::get_thread_author($conn, t4) $(.$aw)* .unwrap(), "bob");
        assert_not_found!(q::get_thread_author($conn, t5) $(.$aw)*);
        assert_not_found!(q::get_thread_author($conn, uuid(0x99)) $(.$aw)*);

        // ListThreadsForUser: newest first, cursor, optional name pattern; t3 has no
        // "createdAt" and is not listed.
        let ids = |rows: &[dbtool_reference_queries::tables::ThreadsRow]| {
            rows.iter().map(|t| t.id).collect::<Vec<_>>()
        };
        let rows = q::list_threads_for_user($conn, alice, None, None, 10) $(.$aw)* .unwrap();
        assert_eq!(ids(&rows), [t2, t1]);
        assert_eq!(rows[1].tags, Some(tags_c.clone()));
        assert_eq!(rows[1].metadata, Some(tmeta.clone()));
        assert_eq!(rows[0].tags, None);
        let rows = q::list_threads_for_user($conn, alice, Some("2026-01-02T10:00:00.000Z"), None, 10)
            $(.$aw)* .unwrap();
        assert_eq!(ids(&rows), [t1]);
        let rows = q::list_threads_for_user($conn, alice, None, Some("%REPORT%"), 10)
            $(.$aw)* .unwrap();
        assert_eq!(ids(&rows), [t1]);
        let mut seen = Vec::new();
        q::list_threads_for_user_for_each($conn, alice, None, None, 1, |t| {
            seen.push((t.id, t.name));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(t2, s("Marketing plan"))]);
        assert!(q::list_threads_for_user($conn, carol, None, None, 10) $(.$aw)* .unwrap().is_empty());

        // RenameThread.
        assert_eq!(q::rename_thread($conn, Some("Marketing plan v2"), t2) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::rename_thread($conn, Some("x"), uuid(0x99)) $(.$aw)* .unwrap(), 0);
        assert_eq!(q::get_thread($conn, t2) $(.$aw)* .unwrap().name, s("Marketing plan v2"));

        // UpsertStep: a full step, a streamed one written twice, one without "createdAt".
        let smeta = serde_json::json!({"k": "v"});
        let generation = serde_json::json!({"model": "gpt-4o"});
        let step_tags = vec!["t".to_string()];
        q::upsert_step($conn, &UpsertStepParams {
            wait_for_answer: Some(false),
            is_error: Some(false),
            metadata: Some(&smeta),
            tags: Some(step_tags.as_slice()),
            input: Some("hi"),
            command: Some("ask"),
            start_time: Some("2026-01-01T10:00:01.000Z"),
            end_time: Some("2026-01-01T10:00:01.500Z"),
            show_input: Some("json"),
            language: Some("en"),
            indent: Some(0),
            default_open: Some(false),
            ..step(s1, "user", "user_message", t1, Some("2026-01-01T10:00:01.000Z"))
        }) $(.$aw)* .unwrap();
        q::upsert_step($conn, &UpsertStepParams {
            parent_id: Some(s1),
            streaming: true,
            output: Some("partial"),
            generation: Some(&generation),
            indent: Some(1),
            ..step(s2, "llm", "llm", t1, Some("2026-01-01T10:00:02.000Z"))
        }) $(.$aw)* .unwrap();
        q::upsert_step($conn, &UpsertStepParams {
            streaming: true,
            output: Some("partial more"),
            ..step(s2, "llm", "llm", t1, Some("2030-01-01T00:00:00.000Z"))
        }) $(.$aw)* .unwrap();
        q::upsert_step($conn, &step(s3, "search", "tool", t1, None)) $(.$aw)* .unwrap();
        q::upsert_step($conn, &UpsertStepParams {
            is_error: Some(true),
            ..step(s4, "llm", "llm", t2, Some("2026-01-02T10:00:01.000Z"))
        }) $(.$aw)* .unwrap();
        q::upsert_step($conn, &UpsertStepParams {
            is_error: Some(true),
            ..step(s5, "search", "tool", t2, Some("2026-01-02T10:00:02.000Z"))
        }) $(.$aw)* .unwrap();

        let rows = q::list_steps_for_thread($conn, t1) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [s1, s2, s3]);
        let r = &rows[1];
        assert_eq!(r.name, "llm");
        assert_eq!(r.r#type, "llm");
        assert_eq!(r.thread_id, t1);
        assert_eq!(r.parent_id, Some(s1), "kept by COALESCE");
        assert!(r.streaming);
        assert_eq!(r.output, s("partial more"));
        assert_eq!(r.created_at, s("2026-01-01T10:00:02.000Z"), "createdAt never changes");
        assert_eq!(r.generation, Some(generation.clone()));
        assert_eq!(r.indent, Some(1));
        assert_eq!(r.is_error, None);

        // FinishStep.
        let n = q::finish_step($conn, Some("final answer"), Some("2026-01-01T10:00:05.000Z"), Some(true), s2)
            $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        assert_eq!(q::finish_step($conn, None, None, None, uuid(0x99)) $(.$aw)* .unwrap(), 0);
        let mut seen = Vec::new();
        q::list_steps_for_thread_for_each($conn, t1, |r| {
            seen.push(r);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen.len(), 3);
        let r = &seen[0];
        assert_eq!(r.name, "user");
        assert_eq!(r.r#type, "user_message");
        assert_eq!(r.parent_id, None);
        assert!(!r.streaming);
        assert_eq!(r.wait_for_answer, Some(false));
        assert_eq!(r.is_error, Some(false));
        assert_eq!(r.metadata, Some(smeta.clone()));
        assert_eq!(r.tags, Some(step_tags.clone()));
        assert_eq!(r.input, s("hi"));
        assert_eq!(r.output, None);
        assert_eq!(r.created_at, s("2026-01-01T10:00:01.000Z"));
        assert_eq!(r.command, s("ask"));
        assert_eq!(r.start, s("2026-01-01T10:00:01.000Z"));
        assert_eq!(r.end, s("2026-01-01T10:00:01.500Z"));
        assert_eq!(r.generation, None);
        assert_eq!(r.show_input, s("json"));
        assert_eq!(r.language, s("en"));
        assert_eq!(r.indent, Some(0));
        assert_eq!(r.default_open, Some(false));
        let r = &seen[1];
        assert!(!r.streaming);
        assert_eq!(r.output, s("final answer"));
        assert_eq!(r.end, s("2026-01-01T10:00:05.000Z"));
        assert_eq!(r.is_error, Some(true));
        let r = &seen[2];
        assert_eq!(r.created_at, None);
        assert_eq!(r.wait_for_answer, None);
        assert_eq!(r.metadata, None);
        assert_eq!(r.tags, None);
        assert_eq!(r.default_open, None);

        // CountErrorStepsInWindow ("createdAt" text; s3 has none).
        let rows = q::count_error_steps_in_window($conn, "2026-01-01", "2026-01-03") $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter().map(|r| (r.r#type.as_str(), r.error_step_count)).collect::<Vec<_>>(),
            [("llm", 2), ("tool", 1)]
        );
        let mut seen = Vec::new();
        q::count_error_steps_in_window_for_each($conn, "2026-01-02", "2026-01-02T10:00:02", |r| {
            seen.push((r.r#type, r.error_step_count));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [("llm".to_string(), 1)]);

        // UpsertElement: insert and replace; GetElement; ListElementsForThread.
        let props = serde_json::json!({"w": 10});
        q::upsert_element($conn, &UpsertElementParams {
            id: e1,
            thread_id: Some(t1),
            r#type: Some("image"),
            url: Some("http://x/img.png"),
            chainlit_key: Some("k1"),
            name: "b-img",
            display: Some("inline"),
            object_key: Some("obj1"),
            size: Some("large"),
            page: Some(2),
            language: None,
            for_id: Some(s2),
            mime: Some("image/png"),
            props: Some(&props),
        }) $(.$aw)* .unwrap();
        let bare = UpsertElementParams {
            id: e2,
            thread_id: Some(t1),
            r#type: None,
            url: None,
            chainlit_key: None,
            name: "a-file",
            display: None,
            object_key: None,
            size: None,
            page: None,
            language: Some("rust"),
            for_id: Some(s1),
            mime: None,
            props: None,
        };
        q::upsert_element($conn, &bare) $(.$aw)* .unwrap();
        q::upsert_element($conn, &UpsertElementParams { mime: Some("text/plain"), language: None, ..bare })
            $(.$aw)* .unwrap();
        let e = q::get_element($conn, t1, e1) $(.$aw)* .unwrap();
        assert_eq!(e.id, e1);
        assert_eq!(e.thread_id, Some(t1));
        assert_eq!(e.r#type, s("image"));
        assert_eq!(e.url, s("http://x/img.png"));
        assert_eq!(e.chainlit_key, s("k1"));
        assert_eq!(e.name, "b-img");
        assert_eq!(e.display, s("inline"));
        assert_eq!(e.object_key, s("obj1"));
        assert_eq!(e.size, s("large"));
        assert_eq!(e.page, Some(2));
        assert_eq!(e.language, None);
        assert_eq!(e.for_id, Some(s2));
        assert_eq!(e.mime, s("image/png"));
        assert_eq!(e.props, Some(props.clone()));
        assert_not_found!(q::get_element($conn, t2, e1) $(.$aw)*);
        let rows = q::list_elements_for_thread($conn, t1) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|e| e.id).collect::<Vec<_>>(), [e2, e1]);
        assert_eq!(rows[0].mime, s("text/plain"));
        assert_eq!(rows[0].language, None, "an upsert replaces every column");
        assert_eq!(rows[0].page, None);
        assert_eq!(rows[0].props, None);
        let mut seen = 0;
        q::list_elements_for_thread_for_each($conn, t2, |_| {
            seen += 1;
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, 0);

        // UpsertFeedback: insert and replace.
        let feedback = |id, for_id, thread_id, value, comment| UpsertFeedbackParams {
            id,
            for_id,
            thread_id,
            value,
            comment,
        };
        q::upsert_feedback($conn, &feedback(f1, s2, t1, 1, Some("good"))) $(.$aw)* .unwrap();
        q::upsert_feedback($conn, &feedback(f2, s1, t1, 0, None)) $(.$aw)* .unwrap();
        q::upsert_feedback($conn, &feedback(f2, s1, t1, 1, Some("changed"))) $(.$aw)* .unwrap();
        q::upsert_feedback($conn, &feedback(f3, s4, t2, 0, None)) $(.$aw)* .unwrap();
        q::upsert_feedback($conn, &feedback(f4, s3, t1, 1, None)) $(.$aw)* .unwrap();

        // SummarizeFeedbackByStepType.
        let rows = q::summarize_feedback_by_step_type($conn) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| (r.r#type.as_str(), r.feedback_count, common::dec(r.avg_value, 4)))
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                ("llm", 2, "0.5".to_string()),
                ("tool", 1, "1".to_string()),
                ("user_message", 1, "1".to_string()),
            ]
        );

        // Views: ListChatSummariesForUser, GetUserSummary, ListUserSummaries,
        // ListPerformanceDashboard.
        let rows = q::list_chat_summaries_for_user($conn, "alice", 10) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (
                    r.thread_id,
                    r.name.clone(),
                    r.user_identifier.clone(),
                    r.created_at.clone(),
                    r.step_count,
                    r.user_message_count,
                    r.last_step_at.clone(),
                )
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (
                    t2,
                    s("Marketing plan v2"),
                    s("alice"),
                    s("2026-01-02T10:00:00.000Z"),
                    2,
                    Some(0),
                    s("2026-01-02T10:00:02.000Z"),
                ),
                (
                    t1,
                    s("Sales Report Q1"),
                    s("alice"),
                    s("2026-01-01T10:00:00.000Z"),
                    3,
                    Some(1),
                    s("2026-01-01T10:00:02.000Z"),
                ),
                (t3, s("draft"), s("alice"), None, 0, Some(0), None),
            ]
        );
        let mut seen = Vec::new();
        q::list_chat_summaries_for_user_for_each($conn, "alice", 1, |r| {
            seen.push(r.thread_id);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [t2]);

        let us = q::get_user_summary($conn, "alice") $(.$aw)* .unwrap();
        assert_eq!(us.user_id, alice);
        assert_eq!(us.identifier, "alice");
        assert_eq!(us.thread_count, 3);
        assert_eq!(us.first_thread_at, s("2026-01-01T10:00:00.000Z"));
        assert_eq!(us.last_thread_at, s("2026-01-02T10:00:00.000Z"));
        let us = q::get_user_summary($conn, "carol") $(.$aw)* .unwrap();
        assert_eq!((us.user_id, us.thread_count), (carol, 0));
        assert_eq!(us.first_thread_at, None);
        assert_eq!(us.last_thread_at, None);
        assert_not_found!(q::get_user_summary($conn, "nobody") $(.$aw)*);

        let rows = q::list_user_summaries($conn, 10) $(.$aw)* .unwrap();
        assert_eq!(
            rows.iter()
                .map(|r| (r.user_id, r.identifier.as_str(), r.thread_count))
                .collect::<Vec<_>>(),
            [(alice, "alice", 3), (bob, "bob", 1), (carol, "carol", 0)]
        );
        assert_eq!(rows[1].first_thread_at, s("2026-01-03T10:00:00.000Z"));
        let mut seen = Vec::new();
        q::list_user_summaries_for_each($conn, 2, |r| {
            seen.push(r.identifier);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, ["alice", "bob"]);

        let rows = q::list_performance_dashboard($conn) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (r.r#type.as_str(), r.step_count, r.error_count, r.first_at.clone(), r.last_at.clone())
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (
                    "llm",
                    2,
                    Some(2),
                    s("2026-01-01T10:00:02.000Z"),
                    s("2026-01-02T10:00:01.000Z"),
                ),
                (
                    "tool",
                    2,
                    Some(1),
                    s("2026-01-02T10:00:02.000Z"),
                    s("2026-01-02T10:00:02.000Z"),
                ),
                (
                    "user_message",
                    1,
                    Some(0),
                    s("2026-01-01T10:00:01.000Z"),
                    s("2026-01-01T10:00:01.000Z"),
                ),
            ]
        );
        let mut seen = 0;
        q::list_performance_dashboard_for_each($conn, |_| {
            seen += 1;
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, 3);

        // ListFeedbacksForThread; then deleting a step leaves its feedback with NULL step
        // columns (LEFT JOIN, no foreign key on "forId").
        assert_eq!(q::delete_step($conn, s3) $(.$aw)* .unwrap(), 1);
        let rows = q::list_feedbacks_for_thread($conn, t1) $(.$aw)* .unwrap();
        let got = rows
            .iter()
            .map(|r| {
                (
                    r.id,
                    r.for_id,
                    r.value,
                    r.comment.clone(),
                    r.step_name.clone(),
                    r.step_type.clone(),
                    r.step_output.clone(),
                )
            })
            .collect::<Vec<_>>();
        assert_eq!(
            got,
            [
                (f1, s2, 1, s("good"), s("llm"), s("llm"), s("final answer")),
                (f2, s1, 1, s("changed"), s("user"), s("user_message"), None),
                (f4, s3, 1, None, None, None, None),
            ]
        );
        let mut seen = Vec::new();
        q::list_feedbacks_for_thread_for_each($conn, t2, |r| {
            seen.push((r.id, r.value, r.step_name));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(f3, 0, s("llm"))]);

        // Deleting a step: its feedbacks and elements first.
        assert_eq!(q::delete_feedbacks_for_step($conn, s1) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_feedbacks_for_step($conn, s1) $(.$aw)* .unwrap(), 0);
        assert_eq!(q::delete_elements_for_step($conn, s1) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_step($conn, s1) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_step($conn, s1) $(.$aw)* .unwrap(), 0);
        assert_eq!(q::delete_feedback($conn, f4) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_feedback($conn, f4) $(.$aw)* .unwrap(), 0);
        assert_eq!(q::delete_element($conn, e1) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_element($conn, e1) $(.$aw)* .unwrap(), 0);
        assert!(q::list_elements_for_thread($conn, t1) $(.$aw)* .unwrap().is_empty());
        let rows = q::list_feedbacks_for_thread($conn, t1) $(.$aw)* .unwrap();
        assert_eq!(rows.iter().map(|r| r.id).collect::<Vec<_>>(), [f1]);

        // DeleteThread cascades to its steps and feedbacks.
        assert_eq!(q::delete_thread($conn, t1) $(.$aw)* .unwrap(), 1);
        assert_eq!(q::delete_thread($conn, t1) $(.$aw)* .unwrap(), 0);
        assert_not_found!(q::get_thread($conn, t1) $(.$aw)*);
        assert!(q::list_steps_for_thread($conn, t1) $(.$aw)* .unwrap().is_empty());
        assert!(q::list_feedbacks_for_thread($conn, t1) $(.$aw)* .unwrap().is_empty());
        let us = q::get_user_summary($conn, "alice") $(.$aw)* .unwrap();
        assert_eq!(us.thread_count, 2);
    }};
}

backend_tests!("chainlit");
