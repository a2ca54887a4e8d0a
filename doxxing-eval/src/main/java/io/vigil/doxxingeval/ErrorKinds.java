package io.vigil.doxxingeval;

import java.util.Map;

/**
 * The error kinds of issue 12, for messages whose corpus line names no {@code kind}: each scenario (category) that
 * was written for one of them maps to it; the original scenarios form their own group.
 */
final class ErrorKinds {

    static final String QUASI = "missed: quasi-identifiers";
    static final String SPLIT_SPELLED_BARE = "missed: split, spelled, bare data";
    static final String PUBLIC_AND_SELF = "false alarm: public, news, shops, self";
    static final String NUMBERS = "numbers that are not phones";
    static final String ENGLISH_ADDRESSES = "English street addresses";
    static final String ORIGINAL = "original scenarios";

    private static final Map<String, String> BY_CATEGORY = Map.ofEntries(
            Map.entry("dox_quasi", QUASI), Map.entry("neg_quasi_weak", QUASI),
            Map.entry("dox_split", SPLIT_SPELLED_BARE), Map.entry("dox_spelled", SPLIT_SPELLED_BARE),
            Map.entry("dox_bare", SPLIT_SPELLED_BARE),
            Map.entry("neg_public_event", PUBLIC_AND_SELF), Map.entry("neg_public_figure", PUBLIC_AND_SELF),
            Map.entry("neg_news", PUBLIC_AND_SELF), Map.entry("neg_shop", PUBLIC_AND_SELF),
            Map.entry("neg_quasi_public", PUBLIC_AND_SELF), Map.entry("neg_self_contact", PUBLIC_AND_SELF),
            Map.entry("dox_card", NUMBERS), Map.entry("neg_card", NUMBERS), Map.entry("neg_ip", NUMBERS),
            Map.entry("neg_postcode", NUMBERS), Map.entry("neg_order", NUMBERS),
            Map.entry("dox_mixed_numbers", NUMBERS), Map.entry("neg_mixed_numbers", NUMBERS),
            Map.entry("dox_address_en", ENGLISH_ADDRESSES), Map.entry("neg_address_en", ENGLISH_ADDRESSES));

    private ErrorKinds() {
    }

    static String of(LabelledMessage m) {
        if (!m.kind().isEmpty()) {
            return m.kind();
        }
        return BY_CATEGORY.getOrDefault(m.category(), ORIGINAL);
    }
}
