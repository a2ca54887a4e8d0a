package io.vigil.detector.banks;

import java.util.List;
import java.util.Optional;

/**
 * What the banks say about one media item.
 *
 * @param matches    entries of positive banks that matched, unless an allow-list entry matched too
 * @param suppressed positive matches that an allow-list (negative bank) match cancelled: kept for the audit trail
 * @param pdqSkipped why the perceptual hash was not matched (e.g. quality below the floor), if it was not
 */
public record MatchResult(List<BankMatch> matches, List<BankMatch> suppressed, Optional<Skip> pdqSkipped) {

    public static final MatchResult NONE = new MatchResult(List.of(), List.of(), Optional.empty());

    /** A matching step deliberately not taken. */
    public record Skip(String code, String reason) {
    }
}
