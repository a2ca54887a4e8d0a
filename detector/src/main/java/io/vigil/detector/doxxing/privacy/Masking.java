package io.vigil.detector.doxxing.privacy;

/**
 * Masked previews for moderators: enough shape to see what kind of data was exposed and to tell two values apart
 * at a glance, not enough to contact or find the person.
 */
public final class Masking {

    public static final char MASK = '•';

    private Masking() {
    }

    /**
     * Keeps the first {@code keepLeading} and last {@code keepTrailing} letters or digits of {@code value} and
     * masks every other letter or digit; separators stay so the format is still recognisable.
     */
    public static String keepEnds(String value, int keepLeading, int keepTrailing) {
        int total = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isLetterOrDigit(value.charAt(i))) {
                total++;
            }
        }
        StringBuilder out = new StringBuilder(value.length());
        int seen = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                boolean keep = seen < keepLeading || seen >= total - keepTrailing;
                out.append(keep ? c : MASK);
                seen++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * A phone in international format: country code kept, then the first and last two national digits.
     * "+34 612 345 678" becomes "+34 6•• ••• •78".
     */
    public static String phone(String international) {
        int space = international.indexOf(' ');
        if (!international.startsWith("+") || space < 0) {
            return keepEnds(international, 1, 2);
        }
        return international.substring(0, space + 1) + keepEnds(international.substring(space + 1), 1, 2);
    }

    /** "maria.lopez@gmail.com" becomes "m••••••••••@g••••.com". */
    public static String email(String normalised) {
        int at = normalised.indexOf('@');
        if (at <= 0) {
            return keepEnds(normalised, 1, 0);
        }
        String local = normalised.substring(0, at);
        String domain = normalised.substring(at + 1);
        int dot = domain.lastIndexOf('.');
        String host = dot > 0 ? domain.substring(0, dot) : domain;
        String tld = dot > 0 ? domain.substring(dot) : "";
        return maskAllButFirst(local) + "@" + maskAllButFirst(host) + tld;
    }

    /** Every word keeps its first letter, every other letter or digit is masked: "Calle Mayor 12" → "C•••• M•••• 1•". */
    public static String words(String value) {
        StringBuilder out = new StringBuilder(value.length());
        boolean inWord = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                out.append(inWord ? MASK : c);
                inWord = true;
            } else {
                out.append(c);
                inWord = false;
            }
        }
        return out.toString();
    }

    private static String maskAllButFirst(String s) {
        if (s.isEmpty()) {
            return s;
        }
        return s.charAt(0) + String.valueOf(MASK).repeat(s.length() - 1);
    }
}
