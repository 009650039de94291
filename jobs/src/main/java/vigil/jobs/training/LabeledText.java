package vigil.jobs.training;

/** One labeled text of a training or evaluation file. */
public record LabeledText(String text, String label) {
}
