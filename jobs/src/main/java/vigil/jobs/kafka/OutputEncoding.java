package vigil.jobs.kafka;

import org.apache.avro.specific.SpecificRecord;
import vigil.schemas.DeadLetter;
import vigil.schemas.Interaction;
import vigil.schemas.ScoreUpdate;

import java.io.Serializable;

/** How one output stream's elements become a Kafka key and record value. */
public interface OutputEncoding<T> extends Serializable {
    String key(T element);

    /** The record to write, or null for a tombstone. */
    SpecificRecord value(T element);

    OutputEncoding<ScoreUpdate> SCORES = new OutputEncoding<>() {
        @Override
        public String key(ScoreUpdate update) {
            return update.getCustomerId();
        }

        @Override
        public SpecificRecord value(ScoreUpdate update) {
            return update.getScore();
        }
    };

    OutputEncoding<Interaction> ENRICHED = new OutputEncoding<>() {
        @Override
        public String key(Interaction interaction) {
            return interaction.getCustomerId();
        }

        @Override
        public SpecificRecord value(Interaction interaction) {
            return interaction;
        }
    };

    OutputEncoding<DeadLetter> DEAD_LETTERS = new OutputEncoding<>() {
        @Override
        public String key(DeadLetter letter) {
            return letter.getSourceTopic();
        }

        @Override
        public SpecificRecord value(DeadLetter letter) {
            return letter;
        }
    };
}
