//! Every query of `queries/rag.sql` on SQLite, PostgreSQL and PostgreSQL async.

#[macro_use]
mod common;

use common::ts;
use dbtool_reference_queries::enums::{ConversationStatus, MessageRole};

macro_rules! scenario {
    ($backend:ident, $conn:expr $(, $aw:tt)*) => {{
        use dbtool_reference_queries::rag::$backend as q;
        use dbtool_reference_queries::rag::AppendMessageParams;

        // CreateConversation: defaults come back.
        let c1 = q::create_conversation($conn, "ada", Some("first")) $(.$aw)* .expect("create c1");
        assert_eq!(c1.user_id, "ada");
        assert_eq!(c1.title.as_deref(), Some("first"));
        assert_eq!(c1.status, ConversationStatus::Active);
        assert_eq!(c1.message_count, 0);
        assert_eq!(c1.created_at, c1.updated_at);
        let c2 = q::create_conversation($conn, "ada", None) $(.$aw)* .expect("create c2");
        assert_eq!(c2.title, None);
        let c3 = q::create_conversation($conn, "bob", Some("bob's")) $(.$aw)* .expect("create c3");
        assert_ne!(c1.id, c2.id);

        // GetConversation: the nullable columns are NULL on a new conversation.
        let got = q::get_conversation($conn, c1.id) $(.$aw)* .expect("get c1");
        assert_eq!(got.id, c1.id);
        assert_eq!(got.user_id, "ada");
        assert_eq!(got.title.as_deref(), Some("first"));
        assert_eq!(got.summary, None);
        assert_eq!(got.status, ConversationStatus::Active);
        assert_eq!(got.message_count, 0);
        assert_eq!(got.created_at, c1.created_at);
        assert_eq!(got.last_message_at, None);
        assert_eq!(got.archived_at, None);
        assert_not_found!(q::get_conversation($conn, common::uuid(0xdead)) $(.$aw)*);

        // AppendMessage + TouchConversation, three times.
        let web = serde_json::json!({"source": "web"});
        let model = serde_json::json!({"source": "model", "tokens": 3});
        let empty = serde_json::json!({});
        let t1 = ts(2020, 1, 1, 10, 0, 0);
        let t2 = ts(2020, 1, 1, 10, 1, 0);
        let t3 = ts(2020, 1, 1, 10, 2, 0);
        let sent = [
            (MessageRole::User, "hello", &web, t1),
            (MessageRole::Assistant, "hi there", &model, t2),
            (MessageRole::User, "bye", &empty, t3),
        ];
        let mut ids = Vec::new();
        for (role, content, metadata, at) in sent {
            let m = q::append_message(
                $conn,
                &AppendMessageParams {
                    conversation_id: c1.id,
                    role,
                    content,
                    msg_metadata: metadata,
                    created_at: at,
                },
            ) $(.$aw)* .expect("append");
            assert_eq!(m.conversation_id, c1.id);
            assert_eq!(m.role, role);
            assert_eq!(m.content, content);
            assert_eq!(&m.msg_metadata, metadata);
            assert_eq!(m.created_at, at);
            ids.push(m.id);
            let touched = q::touch_conversation($conn, at, c1.id) $(.$aw)* .expect("touch");
            assert_eq!(touched, 1);
        }
        assert_eq!(
            q::touch_conversation($conn, t3, common::uuid(0xdead)) $(.$aw)* .unwrap(),
            0
        );
        let got = q::get_conversation($conn, c1.id) $(.$aw)* .unwrap();
        assert_eq!(got.message_count, 3);
        assert_eq!(got.last_message_at, Some(t3));
        assert_eq!(got.updated_at, t3);

        // GetLastMessages: newest first.
        let last = q::get_last_messages($conn, c1.id, 2) $(.$aw)* .unwrap();
        assert_eq!(
            last.iter().map(|m| m.content.as_str()).collect::<Vec<_>>(),
            ["bye", "hi there"]
        );
        assert_eq!(last[0].id, ids[2]);
        assert_eq!(last[0].role, MessageRole::User);
        assert_eq!(last[0].msg_metadata, empty);
        assert_eq!(last[1].msg_metadata, model);
        assert_eq!(last[1].created_at, t2);
        let mut seen = Vec::new();
        q::get_last_messages_for_each($conn, c1.id, 10, |m| {
            seen.push(m.id);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [ids[2], ids[1], ids[0]]);

        // ListMessages: oldest first, paged.
        let page = q::list_messages($conn, c1.id, 2, 0) $(.$aw)* .unwrap();
        assert_eq!(page.iter().map(|m| m.id).collect::<Vec<_>>(), [ids[0], ids[1]]);
        assert_eq!(page[0].content, "hello");
        assert_eq!(page[0].role, MessageRole::User);
        assert_eq!(page[0].msg_metadata, web);
        assert_eq!(page[0].created_at, t1);
        let page = q::list_messages($conn, c1.id, 2, 2) $(.$aw)* .unwrap();
        assert_eq!(page.len(), 1);
        assert_eq!(page[0].content, "bye");
        let mut seen = Vec::new();
        q::list_messages_for_each($conn, c1.id, 10, 1, |m| {
            seen.push(m.content);
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, ["hi there", "bye"]);
        assert!(q::list_messages($conn, c2.id, 10, 0) $(.$aw)* .unwrap().is_empty());

        // CountMessagesByRole, CountMessages.
        for (role, expected) in [
            (MessageRole::User, 2),
            (MessageRole::Assistant, 1),
            (MessageRole::System, 0),
        ] {
            let n = q::count_messages_by_role($conn, c1.id, role) $(.$aw)* .unwrap();
            assert_eq!(n, expected, "{role}");
        }
        assert_eq!(q::count_messages($conn, c1.id) $(.$aw)* .unwrap(), 3);
        assert_eq!(q::count_messages($conn, c2.id) $(.$aw)* .unwrap(), 0);

        // ListMessagesBySource: a JSON field filter.
        let by_web = q::list_messages_by_source($conn, c1.id, "web") $(.$aw)* .unwrap();
        assert_eq!(by_web.len(), 1);
        assert_eq!(by_web[0].id, ids[0]);
        assert_eq!(by_web[0].role, MessageRole::User);
        assert_eq!(by_web[0].content, "hello");
        assert_eq!(by_web[0].created_at, t1);
        let mut seen = Vec::new();
        q::list_messages_by_source_for_each($conn, c1.id, "model", |m| {
            seen.push((m.content, m.role));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [("hi there".to_string(), MessageRole::Assistant)]);
        assert!(q::list_messages_by_source($conn, c1.id, "nowhere") $(.$aw)* .unwrap().is_empty());

        // ListConversationsForUser: c2 (created now) is more recent than c1 (last message in
        // 2020); the status filter is optional.
        let all = q::list_conversations_for_user($conn, "ada", None, 10, 0) $(.$aw)* .unwrap();
        assert_eq!(all.iter().map(|c| c.id).collect::<Vec<_>>(), [c2.id, c1.id]);
        assert_eq!(all[1].message_count, 3);
        assert_eq!(all[1].last_message_at, Some(t3));
        assert_eq!(all[0].last_message_at, None);
        assert_eq!(all[0].title, None);
        let active = q::list_conversations_for_user(
            $conn, "ada", Some(ConversationStatus::Active), 1, 1,
        ) $(.$aw)* .unwrap();
        assert_eq!(active.iter().map(|c| c.id).collect::<Vec<_>>(), [c1.id]);
        let mut seen = Vec::new();
        q::list_conversations_for_user_for_each(
            $conn, "bob", None, 10, 0,
            |c| {
                seen.push((c.id, c.title));
                Ok(())
            },
        ) $(.$aw)* .unwrap();
        assert_eq!(seen, [(c3.id, Some("bob's".to_string()))]);
        let none = q::list_conversations_for_user(
            $conn, "ada", Some(ConversationStatus::Archived), 10, 0,
        ) $(.$aw)* .unwrap();
        assert!(none.is_empty());

        // CountConversationsForUser, with and without the status filter.
        let n = q::count_conversations_for_user($conn, "ada", None) $(.$aw)* .unwrap();
        assert_eq!(n, 2);
        let n = q::count_conversations_for_user($conn, "ada", Some(ConversationStatus::Archived))
            $(.$aw)* .unwrap();
        assert_eq!(n, 0);
        let n = q::count_conversations_for_user($conn, "nobody", None) $(.$aw)* .unwrap();
        assert_eq!(n, 0);

        // ArchiveConversation / UnarchiveConversation.
        let t_arch = ts(2020, 2, 1, 0, 0, 0);
        let archived = q::archive_conversation($conn, t_arch, c2.id) $(.$aw)* .unwrap();
        assert_eq!(archived.id, c2.id);
        assert_eq!(archived.status, ConversationStatus::Archived);
        assert_eq!(archived.archived_at, Some(t_arch));
        assert_eq!(archived.updated_at, t_arch);
        assert_not_found!(
            q::archive_conversation($conn, t_arch, common::uuid(0xdead)) $(.$aw)*
        );
        let n = q::count_conversations_for_user($conn, "ada", Some(ConversationStatus::Archived))
            $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        let listed = q::list_conversations_for_user(
            $conn, "ada", Some(ConversationStatus::Archived), 10, 0,
        ) $(.$aw)* .unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].archived_at, Some(t_arch));

        // ListActiveConversations: the view leaves the archived conversation out.
        let act = q::list_active_conversations($conn, "ada", 10) $(.$aw)* .unwrap();
        assert_eq!(act.len(), 1);
        assert_eq!(act[0].id, c1.id);
        assert_eq!(act[0].user_id, "ada");
        assert_eq!(act[0].title.as_deref(), Some("first"));
        assert_eq!(act[0].message_count, 3);
        assert_eq!(act[0].created_at, c1.created_at);
        assert_eq!(act[0].last_message_at, Some(t3));
        let mut seen = Vec::new();
        q::list_active_conversations_for_each($conn, "bob", 10, |c| {
            seen.push((c.id, c.last_message_at));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(c3.id, None)]);

        let t_back = ts(2020, 2, 2, 0, 0, 0);
        assert_not_found!(q::unarchive_conversation($conn, t_back, c1.id) $(.$aw)*);
        let back = q::unarchive_conversation($conn, t_back, c2.id) $(.$aw)* .unwrap();
        assert_eq!(back.id, c2.id);
        assert_eq!(back.status, ConversationStatus::Active);
        assert_eq!(back.archived_at, None);
        assert_eq!(back.updated_at, t_back);
        assert_eq!(q::list_active_conversations($conn, "ada", 10) $(.$aw)* .unwrap().len(), 2);

        // SetConversationStatus.
        let t_close = ts(2020, 3, 1, 0, 0, 0);
        let n = q::set_conversation_status($conn, ConversationStatus::Closed, t_close, c3.id)
            $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        let n = q::set_conversation_status(
            $conn, ConversationStatus::Deleted, t_close, common::uuid(0xdead),
        ) $(.$aw)* .unwrap();
        assert_eq!(n, 0);
        let got = q::get_conversation($conn, c3.id) $(.$aw)* .unwrap();
        assert_eq!(got.status, ConversationStatus::Closed);
        assert_eq!(got.updated_at, t_close);
        assert!(q::list_active_conversations($conn, "bob", 10) $(.$aw)* .unwrap().is_empty());

        // UpdateConversationTitle: both values, then NULLs.
        let t_title = ts(2020, 4, 1, 0, 0, 0);
        let n = q::update_conversation_title($conn, Some("renamed"), Some("a summary"), t_title, c1.id)
            $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        let got = q::get_conversation($conn, c1.id) $(.$aw)* .unwrap();
        assert_eq!(got.title.as_deref(), Some("renamed"));
        assert_eq!(got.summary.as_deref(), Some("a summary"));
        assert_eq!(got.updated_at, t_title);
        let n = q::update_conversation_title($conn, None, None, t_title, c1.id) $(.$aw)* .unwrap();
        assert_eq!(n, 1);
        let got = q::get_conversation($conn, c1.id) $(.$aw)* .unwrap();
        assert_eq!(got.title, None);
        assert_eq!(got.summary, None);
        let n = q::update_conversation_title($conn, Some("x"), None, t_title, common::uuid(0xdead))
            $(.$aw)* .unwrap();
        assert_eq!(n, 0);

        // ListConversationMessageCounts: a touch without a message makes the counter drift;
        // the LEFT JOIN counts 0 messages for c2.
        q::touch_conversation($conn, t3, c1.id) $(.$aw)* .unwrap();
        let counts = q::list_conversation_message_counts($conn, "ada") $(.$aw)* .unwrap();
        let mut expected: Vec<(uuid::Uuid, Option<String>, i64, i64)> =
            vec![(c1.id, None, 4, 3), (c2.id, None, 0, 0)];
        expected.sort();
        assert_eq!(
            counts
                .iter()
                .map(|c| (c.id, c.title.clone(), c.message_count, c.stored_message_count))
                .collect::<Vec<_>>(),
            expected
        );
        let mut seen = Vec::new();
        q::list_conversation_message_counts_for_each($conn, "bob", |c| {
            seen.push((c.id, c.title, c.message_count, c.stored_message_count));
            Ok(())
        }) $(.$aw)* .unwrap();
        assert_eq!(seen, [(c3.id, Some("bob's".to_string()), 0, 0)]);
    }};
}

backend_tests!("rag");
