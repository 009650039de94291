package vigil.operators.text;

import java.util.List;

/**
 * What the text analyzer found in one text. Everything here comes from the redacted text, so no
 * personal data recognised by {@link PiiRedactor} leaves through any field.
 *
 * @param redactedText the text with e-mails, phones, cards and IBANs replaced by placeholders
 * @param tokens       the words of the redacted text, as typed, over all sentences
 * @param sentences    the number of sentences
 * @param topics       sorted distinct problem topics, e.g. billing, outage
 * @param entities     sorted distinct catalog entities, e.g. plan:Fiber 500, product:router
 */
public record Analysis(String redactedText, List<String> tokens, int sentences, List<String> topics,
                       List<String> entities) {
    public Analysis {
        tokens = List.copyOf(tokens);
        topics = List.copyOf(topics);
        entities = List.copyOf(entities);
    }

    /** The analysis of a null or empty text. */
    static Analysis empty(String text) {
        return new Analysis(text, List.of(), 0, List.of(), List.of());
    }
}
