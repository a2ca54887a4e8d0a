package io.vigil.ingest.telegram.export;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON the way Telegram Desktop's export serializer does ({@code export_output_json.cpp}, as described in the
 * project's format notes): one space of indent per level, {@code "key": value}, arrays and objects opened on the
 * key's line with their elements on lines of their own, raw UTF-8, control bytes other than newline, carriage return
 * and tab as {@code \xHH} (not valid JSON), and no newline at the end. Test exports are written with it.
 */
public final class TdesktopJson {

    private TdesktopJson() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        value(out, value, 0);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void value(StringBuilder out, Object value, int level) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            object(out, (Map<String, Object>) map, level);
        } else if (value instanceof List<?> list) {
            array(out, list, level);
        } else if (value instanceof String s) {
            string(out, s);
        } else if (value instanceof Raw raw) {
            out.append(raw.text());
        } else {
            out.append(value);
        }
    }

    private static void object(StringBuilder out, Map<String, Object> map, int level) {
        if (map.isEmpty()) {
            out.append("{}");
            return;
        }
        out.append("{\n");
        Iterator<Map.Entry<String, Object>> fields = map.entrySet().iterator();
        while (fields.hasNext()) {
            Map.Entry<String, Object> field = fields.next();
            indent(out, level + 1);
            string(out, field.getKey());
            out.append(": ");
            value(out, field.getValue(), level + 1);
            out.append(fields.hasNext() ? ",\n" : "\n");
        }
        indent(out, level);
        out.append('}');
    }

    private static void array(StringBuilder out, List<?> list, int level) {
        if (list.isEmpty()) {
            out.append("[]");
            return;
        }
        out.append("[\n");
        for (int i = 0; i < list.size(); i++) {
            indent(out, level + 1);
            value(out, list.get(i), level + 1);
            out.append(i + 1 < list.size() ? ",\n" : "\n");
        }
        indent(out, level);
        out.append(']');
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\u2028' -> out.append("\\u2028");
                case '\u2029' -> out.append("\\u2029");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static void indent(StringBuilder out, int level) {
        out.append(" ".repeat(level));
    }

    /** Text written as is, to break a file on purpose. */
    public record Raw(String text) {
    }
}
