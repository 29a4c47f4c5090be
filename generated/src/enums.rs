//! The schema's enums.
//!
//! Written by `dbtool generate`; do not edit: change schema/ or queries/ and run it again.

/// Life cycle of a training job
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TrainingStatus {
    Pending,
    Running,
    Completed,
    Failed,
    Cancelled,
}

impl TrainingStatus {
    /// Every value, in the schema's order.
    pub const ALL: [TrainingStatus; 5] = [
        TrainingStatus::Pending,
        TrainingStatus::Running,
        TrainingStatus::Completed,
        TrainingStatus::Failed,
        TrainingStatus::Cancelled,
    ];

    /// The value as the database stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            TrainingStatus::Pending => "pending",
            TrainingStatus::Running => "running",
            TrainingStatus::Completed => "completed",
            TrainingStatus::Failed => "failed",
            TrainingStatus::Cancelled => "cancelled",
        }
    }
}

impl std::str::FromStr for TrainingStatus {
    type Err = crate::runtime::UnknownValue;

    fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
        match text {
            "pending" => Ok(TrainingStatus::Pending),
            "running" => Ok(TrainingStatus::Running),
            "completed" => Ok(TrainingStatus::Completed),
            "failed" => Ok(TrainingStatus::Failed),
            "cancelled" => Ok(TrainingStatus::Cancelled),
            other => Err(crate::runtime::UnknownValue {
                type_name: "training_status",
                value: other.to_string(),
            }),
        }
    }
}

crate::runtime::text_enum!(TrainingStatus, "training_status");

/// Conversations are never hard-deleted; archiving is a status change
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum ConversationStatus {
    Active,
    Archived,
    Closed,
    Deleted,
}

impl ConversationStatus {
    /// Every value, in the schema's order.
    pub const ALL: [ConversationStatus; 4] = [
        ConversationStatus::Active,
        ConversationStatus::Archived,
        ConversationStatus::Closed,
        ConversationStatus::Deleted,
    ];

    /// The value as the database stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            ConversationStatus::Active => "active",
            ConversationStatus::Archived => "archived",
            ConversationStatus::Closed => "closed",
            ConversationStatus::Deleted => "deleted",
        }
    }
}

impl std::str::FromStr for ConversationStatus {
    type Err = crate::runtime::UnknownValue;

    fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
        match text {
            "active" => Ok(ConversationStatus::Active),
            "archived" => Ok(ConversationStatus::Archived),
            "closed" => Ok(ConversationStatus::Closed),
            "deleted" => Ok(ConversationStatus::Deleted),
            other => Err(crate::runtime::UnknownValue {
                type_name: "conversation_status",
                value: other.to_string(),
            }),
        }
    }
}

crate::runtime::text_enum!(ConversationStatus, "conversation_status");

/// Who wrote a message
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MessageRole {
    User,
    Assistant,
    System,
}

impl MessageRole {
    /// Every value, in the schema's order.
    pub const ALL: [MessageRole; 3] = [
        MessageRole::User,
        MessageRole::Assistant,
        MessageRole::System,
    ];

    /// The value as the database stores it.
    pub fn as_str(self) -> &'static str {
        match self {
            MessageRole::User => "user",
            MessageRole::Assistant => "assistant",
            MessageRole::System => "system",
        }
    }
}

impl std::str::FromStr for MessageRole {
    type Err = crate::runtime::UnknownValue;

    fn from_str(text: &str) -> ::core::result::Result<Self, Self::Err> {
        match text {
            "user" => Ok(MessageRole::User),
            "assistant" => Ok(MessageRole::Assistant),
            "system" => Ok(MessageRole::System),
            other => Err(crate::runtime::UnknownValue {
                type_name: "message_role",
                value: other.to_string(),
            }),
        }
    }
}

crate::runtime::text_enum!(MessageRole, "message_role");
