package vigil.operators.features;

import vigil.schemas.Channel;
import vigil.schemas.Interaction;

import java.io.Serializable;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named clickstream signal (cancel pages, payment failures, ...) declared in the feature spec: a
 * click event matches when it matches any of the signal's rules.
 */
public final class ClickSignal implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final List<Rule> rules;

    public ClickSignal(String name, List<Rule> rules) {
        if (rules.isEmpty()) {
            throw new IllegalArgumentException("click signal '" + name + "' has no rules");
        }
        this.name = name;
        this.rules = List.copyOf(rules);
    }

    public String name() {
        return name;
    }

    public List<Rule> rules() {
        return rules;
    }

    public boolean matches(Interaction interaction) {
        if (interaction.getChannel() != Channel.CLICK) {
            return false;
        }
        for (Rule rule : rules) {
            if (rule.matches(interaction)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Every condition given must hold: the page matches one of the patterns (the whole path, as a
     * Java regex), the event type is one of the types, the error code is in one of the ranges. An
     * empty condition always holds.
     */
    public static final class Rule implements Serializable {
        private static final long serialVersionUID = 1L;

        private final List<Pattern> pages;
        private final Set<String> types;
        private final List<int[]> errorCodes;

        /**
         * @param types click event types as in ClickEvent ({@code PAGE_VIEW}, {@code ERROR}, ...), any case
         * @param errorCodes inclusive ranges {@code {from, to}}
         */
        public Rule(List<Pattern> pages, Set<String> types, List<int[]> errorCodes) {
            if (pages.isEmpty() && types.isEmpty() && errorCodes.isEmpty()) {
                throw new IllegalArgumentException("a rule needs pages, types or errorCodes");
            }
            this.pages = List.copyOf(pages);
            this.types = Set.copyOf(types.stream().map(t -> t.toLowerCase(Locale.ROOT)).toList());
            this.errorCodes = List.copyOf(errorCodes);
        }

        boolean matches(Interaction click) {
            return (pages.isEmpty() || pageMatches(click.getPage()))
                    && (types.isEmpty() || types.contains(click.getKind()))
                    && (errorCodes.isEmpty() || codeMatches(click.getErrorCode()));
        }

        private boolean pageMatches(String page) {
            return page != null && pages.stream().anyMatch(p -> p.matcher(page).matches());
        }

        private boolean codeMatches(Integer code) {
            return code != null && errorCodes.stream().anyMatch(r -> code >= r[0] && code <= r[1]);
        }
    }
}
