package io.vigil.detector.banks;

import java.util.List;

/**
 * What the banks say about one media item.
 *
 * @param matches    entries of positive banks that matched, unless an allow-list entry matched too
 * @param suppressed positive matches that an allow-list (negative bank) match cancelled: kept for the audit trail
 */
public record MatchResult(List<BankMatch> matches, List<BankMatch> suppressed) {

    public static final MatchResult NONE = new MatchResult(List.of(), List.of());
}
