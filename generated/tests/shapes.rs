//! The shapes a query's function returns, on every backend: `:one` and its `_opt` form,
//! `:many`, its `_for_each` and (async) `_stream` forms, and rows and enums as JSON.

mod common;

use dbtool_reference_queries::enums::{ConversationStatus, MessageRole};
use dbtool_reference_queries::rag::{self, AppendMessageParams};
use futures_util::TryStreamExt;

fn message<'a>(
    conversation: uuid::Uuid,
    content: &'a str,
    metadata: &'a serde_json::Value,
) -> AppendMessageParams<'a> {
    AppendMessageParams {
        conversation_id: conversation,
        role: MessageRole::User,
        content,
        msg_metadata: metadata,
        created_at: common::ts(2026, 1, 1, 12, 0, 0),
    }
}

#[test]
fn sqlite_shapes() {
    let conn = common::sqlite();
    let chat = rag::sqlite::create_conversation(&conn, "ada", Some("shapes")).expect("create");
    let found = rag::sqlite::get_conversation_opt(&conn, chat.id).expect("opt");
    assert_eq!(found.map(|c| c.id), Some(chat.id));
    let missing = rag::sqlite::get_conversation_opt(&conn, common::uuid(0xdead)).expect("opt");
    assert_eq!(missing, None, "no row is None, not an error");
    assert!(rag::sqlite::get_conversation(&conn, common::uuid(0xdead))
        .expect_err("one")
        .is_not_found());

    let json = serde_json::to_value(&chat).expect("a row serializes");
    assert_eq!(json["status"], "active", "an enum as its database value");
    assert_eq!(json["title"], "shapes");
    let back: rag::CreateConversationRow = serde_json::from_value(json).expect("and back");
    assert_eq!(back, chat);
    assert_eq!(
        serde_json::from_str::<ConversationStatus>("\"archived\"").expect("enum"),
        ConversationStatus::Archived
    );
    assert!(serde_json::from_str::<ConversationStatus>("\"Archived\"").is_err());
}

#[test]
fn postgres_shapes() {
    let Some(db) = common::PgDb::create("shapes_sync") else {
        return;
    };
    common::on_own_thread(move || {
        let mut client = db.pg_client();
        let chat = rag::pg::create_conversation(&mut client, "ada", None).expect("create");
        let found = rag::pg::get_conversation_opt(&mut client, chat.id).expect("opt");
        assert_eq!(found.map(|c| c.id), Some(chat.id));
        let missing =
            rag::pg::get_conversation_opt(&mut client, common::uuid(0xdead)).expect("opt");
        assert_eq!(missing, None);
    });
}

#[tokio::test]
async fn postgres_async_shapes_and_streams() {
    let Some(db) = common::PgDb::create("shapes_async") else {
        return;
    };
    let client = db.pg_async_client().await;
    let chat = rag::pg_async::create_conversation(&client, "ada", None)
        .await
        .expect("create");
    let missing = rag::pg_async::get_conversation_opt(&client, common::uuid(0xdead))
        .await
        .expect("opt");
    assert_eq!(missing, None);
    let metadata = serde_json::json!({});
    for i in 0..50 {
        let content = format!("message {i}");
        rag::pg_async::append_message(&client, &message(chat.id, &content, &metadata))
            .await
            .expect("append");
    }
    let stream = rag::pg_async::list_messages_stream(&client, chat.id, 1000, 0)
        .await
        .expect("stream");
    let rows: Vec<rag::ListMessagesRow> = stream.try_collect().await.expect("rows");
    assert_eq!(rows.len(), 50);
    let collected = rag::pg_async::list_messages(&client, chat.id, 1000, 0)
        .await
        .expect("many");
    assert_eq!(rows, collected, "a stream reads what many collects");
}
