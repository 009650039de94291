package vigil.jobs.cli;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import vigil.jobs.config.VigilConfig;
import vigil.jobs.kafka.ControlPublisher;
import vigil.operators.rules.InvalidRuleException;
import vigil.operators.rules.Rule;
import vigil.operators.rules.RuleParser;
import vigil.schemas.ControlMessage;
import vigil.schemas.ControlType;
import vigil.schemas.streams.StreamId;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

@Command(name = "publish-rule", mixinStandardHelpOptions = true,
        description = "Adds or updates (--rule), pauses, resumes or deletes a runtime rule through cx.control; "
                + "the running job reports the outcome on cx.rule-status.")
final class PublishRuleCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1")
    Change change;

    static final class Change {
        @Option(names = "--rule", paramLabel = "RULE.json", description = "add or update this rule (checked here first)")
        Path rule;

        @Option(names = "--pause", paramLabel = "ID", description = "pause the rule with this id")
        String pause;

        @Option(names = "--resume", paramLabel = "ID", description = "resume a paused rule")
        String resume;

        @Option(names = "--delete", paramLabel = "ID", description = "delete the rule")
        String delete;
    }

    @Option(names = "--id", description = "message id (default: rule-<epoch millis>)")
    String id;

    @Option(names = "--issued-by", defaultValue = "${sys:user.name}", description = "who publishes it (default: ${DEFAULT-VALUE})")
    String issuedBy;

    @Mixin
    ConfigOptions configOptions;

    @Override
    public Integer call() throws Exception {
        VigilConfig config = configOptions.load();
        long now = System.currentTimeMillis();
        ControlMessage.Builder message = ControlMessage.newBuilder().setId(id == null ? "rule-" + now : id)
                .setTimestamp(now).setIssuedBy(issuedBy);
        String ruleId;
        if (change.rule != null) {
            String json = Files.readString(change.rule);
            try {
                Rule rule = new RuleParser(config.rules.retention.toMillis()).parse(json);
                ruleId = rule.id();
                System.out.println("rule " + rule.summary());
            } catch (InvalidRuleException e) {
                System.err.println("not published, the rule is invalid: " + e.getMessage());
                return 2;
            }
            message.setType(ControlType.RULE_UPSERT).setPayload(json);
        } else if (change.delete != null) {
            ruleId = change.delete;
            message.setType(ControlType.RULE_DELETE).setPayload(ruleId);
        } else {
            ruleId = change.pause != null ? change.pause : change.resume;
            message.setType(ControlType.RULE_PAUSE)
                    .setPayload("{\"ruleId\":\"" + ruleId + "\",\"paused\":" + (change.pause != null) + "}");
        }
        ControlMessage built = message.build();
        ControlPublisher.publish(config, ruleId, built);
        System.out.println("published " + built.getType() + " " + built.getId() + " for rule " + ruleId + " to "
                + config.topic(StreamId.CONTROL) + "; the outcome appears on " + config.topic(StreamId.RULE_STATUS));
        return 0;
    }
}
