package io.vigil.compliance.intake;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a platform, chat or message id may look like when it comes from a request: printable, no separators of Vigil's
 * own item ids or of log lines, bounded. Ids go into topic keys, item ids and logs, so a forged line break or colon
 * must not.
 */
final class Identifiers {

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.@+-]{1,128}");

    private Identifiers() {
    }

    static void check(String value, String field, List<String> problems) {
        if (value == null || value.isBlank()) {
            problems.add(field + ": required");
        } else if (!ID.matcher(value).matches()) {
            problems.add(field + ": 1-128 characters of A-Z a-z 0-9 _ . @ + -");
        }
    }
}
