package io.vigil.modelimport.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Reads one JavaScript literal value (object, array, string, number, boolean, null) as minifiers write it:
 * unquoted keys, single- or double-quoted strings, numbers such as {@code .5} or {@code 1963169733975448e-20},
 * and the minified booleans {@code !0} / {@code !1}. NSFWJS ships its TF.js model this way, wrapped in
 * browserify modules, rather than as JSON; this reader is what turns those modules back into data.
 *
 * <p>It reads data only: any other expression is rejected with its position, never evaluated.
 */
public final class JsLiteralParser {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final int CONTEXT_CHARS = 40;

    private final String source;
    private int pos;

    private JsLiteralParser(String source, int start) {
        this.source = source;
        this.pos = start;
    }

    /** Parses the whole of {@code source} as one literal; trailing non-whitespace is an error. */
    public static JsonNode parse(String source) {
        JsLiteralParser parser = new JsLiteralParser(source, 0);
        JsonNode value = parser.value();
        parser.skipWhitespace();
        if (parser.pos != source.length()) {
            throw parser.error("unexpected trailing input");
        }
        return value;
    }

    /** Parses the literal that starts at {@code start}, ignoring whatever follows it. */
    public static Parsed parseAt(String source, int start) {
        JsLiteralParser parser = new JsLiteralParser(source, start);
        JsonNode value = parser.value();
        return new Parsed(value, parser.pos);
    }

    /** A literal and the offset just past it. */
    public record Parsed(JsonNode value, int end) {}

    private JsonNode value() {
        skipWhitespace();
        if (pos >= source.length()) {
            throw error("unexpected end of input");
        }
        char c = source.charAt(pos);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': case '\'': return NODES.textNode(string());
            case '!': return minifiedBoolean();
            default:
                if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
                    return number();
                }
                if (isIdentifierStart(c)) {
                    return keyword();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private ObjectNode object() {
        ObjectNode node = NODES.objectNode();
        pos++; // '{'
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return node;
        }
        while (true) {
            skipWhitespace();
            String key = key();
            skipWhitespace();
            expect(':');
            node.set(key, value());
            skipWhitespace();
            char next = next();
            if (next == '}') {
                return node;
            }
            if (next != ',') {
                pos--;
                throw error("expected ',' or '}' in object");
            }
            skipWhitespace();
            if (peek() == '}') { // trailing comma
                pos++;
                return node;
            }
        }
    }

    private ArrayNode array() {
        ArrayNode node = NODES.arrayNode();
        pos++; // '['
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return node;
        }
        while (true) {
            node.add(value());
            skipWhitespace();
            char next = next();
            if (next == ']') {
                return node;
            }
            if (next != ',') {
                pos--;
                throw error("expected ',' or ']' in array");
            }
            skipWhitespace();
            if (peek() == ']') {
                pos++;
                return node;
            }
        }
    }

    private String key() {
        char c = peek();
        if (c == '"' || c == '\'') {
            return string();
        }
        int start = pos;
        if (isIdentifierStart(c)) {
            while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
                pos++;
            }
            return source.substring(start, pos);
        }
        if (Character.isDigit(c)) {
            while (pos < source.length() && Character.isDigit(source.charAt(pos))) {
                pos++;
            }
            return source.substring(start, pos);
        }
        throw error("expected an object key");
    }

    private String string() {
        char quote = next();
        StringBuilder out = new StringBuilder();
        while (true) {
            if (pos >= source.length()) {
                throw error("unterminated string");
            }
            char c = next();
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escaped = next();
            switch (escaped) {
                case 'n': out.append('\n'); break;
                case 't': out.append('\t'); break;
                case 'r': out.append('\r'); break;
                case 'b': out.append('\b'); break;
                case 'f': out.append('\f'); break;
                case 'v': out.append('\u000B'); break;
                case '0': out.append('\0'); break;
                case 'x': out.append((char) Integer.parseInt(take(2), 16)); break;
                case 'u': out.append((char) Integer.parseInt(take(4), 16)); break;
                case '\n': break; // line continuation
                default: out.append(escaped);
            }
        }
    }

    private JsonNode number() {
        int start = pos;
        if (peek() == '-' || peek() == '+') {
            pos++;
        }
        boolean integral = true;
        while (pos < source.length()) {
            char c = source.charAt(pos);
            if (Character.isDigit(c)) {
                pos++;
            } else if (c == '.' || c == 'e' || c == 'E') {
                integral = false;
                pos++;
                if ((c == 'e' || c == 'E') && pos < source.length()
                        && (source.charAt(pos) == '-' || source.charAt(pos) == '+')) {
                    pos++;
                }
            } else {
                break;
            }
        }
        String text = source.substring(start, pos);
        try {
            if (integral) {
                long value = Long.parseLong(text);
                return value == (int) value ? NODES.numberNode((int) value) : NODES.numberNode(value);
            }
            return NODES.numberNode(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("malformed number '" + text + "'");
        }
    }

    private JsonNode minifiedBoolean() {
        pos++; // '!'
        char operand = next();
        if (operand == '0') {
            return NODES.booleanNode(true);
        }
        if (operand == '1') {
            return NODES.booleanNode(false);
        }
        pos -= 2;
        throw error("only !0 and !1 are accepted after '!'");
    }

    private JsonNode keyword() {
        int start = pos;
        while (pos < source.length() && isIdentifierPart(source.charAt(pos))) {
            pos++;
        }
        String word = source.substring(start, pos);
        switch (word) {
            case "null": return NODES.nullNode();
            case "true": return NODES.booleanNode(true);
            case "false": return NODES.booleanNode(false);
            case "NaN": return NODES.numberNode(Double.NaN);
            case "Infinity": return NODES.numberNode(Double.POSITIVE_INFINITY);
            case "void":
                skipWhitespace();
                if (peek() == '0') {
                    pos++;
                    return NODES.nullNode();
                }
                break;
            default:
                break;
        }
        pos = start;
        throw error("'" + word + "' is not a literal");
    }

    private void skipWhitespace() {
        while (pos < source.length() && Character.isWhitespace(source.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < source.length() ? source.charAt(pos) : '\0';
    }

    private char next() {
        if (pos >= source.length()) {
            throw error("unexpected end of input");
        }
        return source.charAt(pos++);
    }

    private String take(int count) {
        if (pos + count > source.length()) {
            throw error("truncated escape");
        }
        String text = source.substring(pos, pos + count);
        pos += count;
        return text;
    }

    private void expect(char expected) {
        if (peek() != expected) {
            throw error("expected '" + expected + "'");
        }
        pos++;
    }

    private static boolean isIdentifierStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || Character.isDigit(c);
    }

    private IllegalArgumentException error(String message) {
        int from = Math.max(0, pos - CONTEXT_CHARS);
        int to = Math.min(source.length(), pos + CONTEXT_CHARS);
        return new IllegalArgumentException(message + " at offset " + pos + " near '"
                + source.substring(from, to).replace('\n', ' ') + "'");
    }
}
