package vigil.operators.rules;

import vigil.schemas.Channel;

import java.util.List;

/**
 * A condition that held: why, in words, and the evidence (interaction references with redacted text).
 *
 * @param topic the problem topic the match is about, or null
 */
record Match(String reason, List<String> evidence, List<Channel> sources, String topic) {
    Match(String reason, List<String> evidence, List<Channel> sources) {
        this(reason, evidence, sources, null);
    }
}
