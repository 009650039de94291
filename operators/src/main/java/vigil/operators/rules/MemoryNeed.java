package vigil.operators.rules;

/** What the customer memory keeps, only when an active rule needs it. */
enum MemoryNeed {
    /** The last churn risk reading (crossings). */
    RISK,
    /** Per topic, the latest contact that raised it. */
    TOPICS,
    /** The latest negative call turn and cancel-page visit. */
    CANCEL_AFTER_CALL,
    /** Live calls and chats: start, offsets, phrase hits, sentiment runs. */
    CONVERSATIONS
}
