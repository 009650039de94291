package vigil.jobs.generator;

/** Something that emits a sequence of related records: a call, a chat, a web session. */
interface Activity {
    /** The next record, at event time {@code time} (never earlier than the previous one's). */
    Draft next(long time);

    boolean finished();
}
