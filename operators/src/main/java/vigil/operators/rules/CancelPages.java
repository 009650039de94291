package vigil.operators.rules;

import vigil.schemas.Channel;
import vigil.schemas.Interaction;

import java.io.Serializable;
import java.util.List;
import java.util.regex.Pattern;

/** What counts as a cancel-page visit: a CANCEL_STEP click, or a click on a page matching rules.cancelPages. */
final class CancelPages implements Serializable {
    private static final String CANCEL_STEP = "cancel_step";

    private final List<Pattern> pages;

    CancelPages(List<String> regexes) {
        this.pages = regexes.stream().map(Pattern::compile).toList();
    }

    boolean isVisit(Interaction i) {
        if (i.getChannel() != Channel.CLICK) {
            return false;
        }
        if (CANCEL_STEP.equalsIgnoreCase(i.getKind())) {
            return true;
        }
        String page = i.getPage();
        return page != null && pages.stream().anyMatch(p -> p.matcher(page).matches());
    }
}
