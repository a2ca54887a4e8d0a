package io.vigil.compliance.export;

/** CSV as RFC 4180 writes it: a field with a comma, quote or line break is quoted and its quotes doubled. */
public final class Csv {

    private Csv() {
    }

    public static String field(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")
                ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
