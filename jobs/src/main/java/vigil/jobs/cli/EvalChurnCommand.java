package vigil.jobs.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vigil.jobs.evaluation.Calibration;
import vigil.jobs.evaluation.ChurnReplay;
import vigil.jobs.training.churn.ChurnCsv;
import vigil.operators.churn.ChurnMetrics;
import vigil.operators.churn.ChurnModel;
import vigil.operators.churn.train.LabeledRows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

@Command(name = "eval-churn", mixinStandardHelpOptions = true,
        description = "Replays every row of a labeled CSV as a profile event through the real streaming scoring job and "
                + "prints ROC-AUC, PR-AUC, log loss, accuracy and a calibration table of the risks it published.")
final class EvalChurnCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, paramLabel = "MODEL", description = "train-churn snapshot directory or model JSON file")
    Path model;

    @Option(names = "--data", required = true, paramLabel = "FILE.csv", description = "labeled CSV (profile columns and the label)")
    Path data;

    @Option(names = "--label-col", defaultValue = "churn", description = "(default: ${DEFAULT-VALUE})")
    String labelCol;

    @Option(names = "--positive", defaultValue = "Yes", description = "label value of churners (default: ${DEFAULT-VALUE})")
    String positive;

    @Option(names = "--bins", defaultValue = "10", description = "calibration bins (default: ${DEFAULT-VALUE})")
    int bins;

    @Option(names = "--json", description = "print one JSON object instead of the tables")
    boolean json;

    @Override
    public Integer call() throws Exception {
        ChurnModel churnModel = Files.isDirectory(model) ? ChurnModel.load(model) : ChurnModel.fromJson(Files.readString(model));
        LabeledRows rows = ChurnCsv.read(data, labelCol);
        boolean[] churned = rows.labels(labelCol, positive);
        Path work = Files.createTempDirectory("vigil-eval-churn");
        double[] risk;
        try {
            risk = ChurnReplay.risks(churnModel, model, rows, labelCol, work);
        } finally {
            try (Stream<Path> paths = Files.walk(work)) {
                paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        ChurnMetrics metrics = ChurnMetrics.of(churned, risk);
        List<Calibration.Bin> table = Calibration.of(churned, risk, bins);
        System.out.println(json ? json(churnModel, metrics, table) : text(churnModel, metrics, table));
        return 0;
    }

    private String text(ChurnModel churnModel, ChurnMetrics m, List<Calibration.Bin> table) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("%s on %s: %,d rows, %,d churned (%s = %s), replayed through the streaming job%n",
                churnModel.id(), data.getFileName(), m.rows(), m.positives(), labelCol, positive));
        out.append(String.format("ROC-AUC %.4f   PR-AUC %.4f   log loss %.4f   accuracy %.4f (risk > 0.5)%n",
                m.rocAuc(), m.prAuc(), m.logLoss(), m.accuracy()));
        out.append(String.format("%-13s %7s %11s %12s%n", "risk bin", "rows", "mean risk", "churn rate"));
        for (Calibration.Bin b : table) {
            out.append(String.format("%.2f – %.2f %9d %11s %12s%n", b.from(), b.to(), b.rows(), fmt(b.meanRisk()),
                    fmt(b.churnRate())));
        }
        return out.toString();
    }

    private String json(ChurnModel churnModel, ChurnMetrics m, List<Calibration.Bin> table) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode root = mapper.createObjectNode().put("model", churnModel.id()).put("data", data.getFileName().toString())
                .put("rows", m.rows()).put("positives", m.positives()).put("rocAuc", m.rocAuc()).put("prAuc", m.prAuc())
                .put("logLoss", m.logLoss()).put("accuracy", m.accuracy());
        ArrayNode bins = root.putArray("calibration");
        table.forEach(b -> bins.addObject().put("from", b.from()).put("to", b.to()).put("rows", b.rows())
                .put("meanRisk", b.meanRisk()).put("churnRate", b.churnRate()));
        return root.toString();
    }

    private static String fmt(double value) {
        return Double.isNaN(value) ? "-" : String.format("%.3f", value);
    }
}
