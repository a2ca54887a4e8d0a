package io.vigil.standalone.commands.banks;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * How many rejected lines an import tolerates: a count ({@code 25}) or a share of the lines holding a hash
 * ({@code 10%}). A list whose lines are mostly rejected was almost always read with the wrong format or signal type,
 * and importing the few lines that happen to parse would be wrong.
 */
record RejectLimit(long count, double percent) {

    static final String DEFAULT = "10%";

    static RejectLimit parse(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("%")) {
                double percent = Double.parseDouble(t.substring(0, t.length() - 1));
                if (percent < 0 || percent > 100 || Double.isNaN(percent)) {
                    throw new IllegalArgumentException("a percentage is 0-100%");
                }
                return new RejectLimit(-1, percent);
            }
            long count = Long.parseLong(t);
            if (count < 0) {
                throw new IllegalArgumentException("a count is 0 or more");
            }
            return new RejectLimit(count, -1);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a count (25) or a percentage (10%), got '" + text + "'");
        }
    }

    /** True if {@code rejects} of {@code lines} lines holding a hash (entries, duplicates and rejects) is too many. */
    boolean exceededBy(long rejects, long lines) {
        if (count >= 0) {
            return rejects > count;
        }
        return lines > 0 && rejects * 100.0 > percent * lines;
    }

    @Override
    public String toString() {
        return count >= 0 ? Long.toString(count) : (percent == Math.rint(percent) ? Long.toString((long) percent) : Double.toString(percent)) + "%";
    }

    /** Lets picocli read {@code --max-rejects}. */
    static final class Converter implements ITypeConverter<RejectLimit> {
        @Override
        public RejectLimit convert(String value) {
            try {
                return parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
