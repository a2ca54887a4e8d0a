package io.vigil.enricher.evidence;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.TextSignal;

import java.util.Locale;
import java.util.stream.Collectors;

/** The doxxing detector's scan of the message text: whether it exposes a third person, and what. */
public record TextFinding(TextSignal text) implements Finding {

    @Override
    public String defaultCode() {
        return "doxxing";
    }

    @Override
    public ContentCategory defaultCategory() {
        return null;
    }

    @Override
    public String defaultDescription() {
        return "The text exposes a third person's " + exposed() + " (exposure " + Percent.of(text.getScore()) + "): " + reasons();
    }

    /** The kinds of personal data exposed, in words: "phone, address". */
    public String exposed() {
        return text.getEntities().stream().map(e -> e.getType().name().toLowerCase(Locale.ROOT).replace('_', ' '))
                .distinct().collect(Collectors.joining(", "));
    }

    public String reasons() {
        return String.join("; ", text.getReasons());
    }
}
