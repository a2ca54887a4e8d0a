package io.vigil.enricher.evidence;

import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.SignalType;

import java.util.Locale;

/** A media item matched a hash-bank entry; {@code position} is 1-based among the message's {@code count} items. */
public record BankMatchFinding(int position, int count, HashMatch match) implements Finding {

    @Override
    public String defaultCode() {
        return "bank_match";
    }

    @Override
    public ContentCategory defaultCategory() {
        return match.getCategory();
    }

    @Override
    public String defaultDescription() {
        return item() + " matches bank '" + match.getBankId() + "' of known " + categoryLabel() + " (source " + source() + ", " + how() + ")"
                + provenanceClause();
    }

    public String item() {
        return count == 1 ? "The media item" : "Media item " + position + " of " + count;
    }

    public String how() {
        return match.getSignalType() == SignalType.PDQ
                ? "PDQ perceptual hash at distance " + match.getDistance()
                : (match.getSignalType() == SignalType.MD5 ? "MD5" : "SHA-256") + " exact hash";
    }

    public String source() {
        return match.getSource().name().toLowerCase(Locale.ROOT);
    }

    /** "; confirmed by a moderator on ..." for a stay-down entry, nothing when the bank gives no provenance. */
    public String provenanceClause() {
        return match.getProvenance() == null || match.getProvenance().isBlank() ? "" : "; " + match.getProvenance();
    }

    public String categoryLabel() {
        return switch (match.getCategory()) {
            case NCII -> "non-consensual intimate images";
            case CSAM -> "child sexual abuse material";
            case PLATFORM_TAKEDOWN -> "content this platform took down";
            default -> match.getCategory().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " content";
        };
    }
}
