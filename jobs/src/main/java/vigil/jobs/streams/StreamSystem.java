package vigil.jobs.streams;

/** Where one stream lives: a Kafka topic (the default) or a Pulsar topic. */
public enum StreamSystem {
    KAFKA,
    PULSAR
}
