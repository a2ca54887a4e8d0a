package io.vigil.enricher.state;

/**
 * Composite keys: parts joined by the ASCII unit separator, which no chat id, hash or case id contains, so that the
 * prefix {@code of(a, "")} selects exactly the rows under {@code a}.
 */
public final class Keys {

    public static final char SEPARATOR = '\u001f';

    private Keys() {
    }

    public static String of(String... parts) {
        return String.join(String.valueOf(SEPARATOR), parts);
    }

    /** The prefix of every key {@code of(first, ...)}. */
    public static String under(String first) {
        return first + SEPARATOR;
    }

    /** The last part of a composite key. */
    public static String last(String key) {
        return key.substring(key.lastIndexOf(SEPARATOR) + 1);
    }
}
