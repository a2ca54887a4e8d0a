package io.vigil.sink.http;

import io.javalin.http.BadRequestResponse;

import java.util.regex.Pattern;

/**
 * Identifiers from requests are checked against what Vigil's ids can be before they are used anywhere (a store
 * lookup, a Kafka key, an audit record, a log line): a line break or a path separator never gets through.
 */
final class Identifiers {

    /** platform:chat:message; chat ids are numbers (often negative) or usernames. */
    private static final Pattern ITEM = Pattern.compile("[A-Za-z0-9_.@+-]{1,64}:[A-Za-z0-9_.@+-]{1,128}:[A-Za-z0-9_.@+-]{1,128}");
    private static final Pattern CHAT = Pattern.compile("[A-Za-z0-9_.@+-]{1,128}");
    private static final Pattern QUEUE = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
    private static final Pattern CASE = Pattern.compile("(case|cluster|item):[A-Za-z0-9_.:@+-]{1,330}");
    private static final Pattern COMMAND = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private Identifiers() {
    }

    static String item(String value) {
        return check(ITEM, value, "item id");
    }

    static String chat(String value) {
        return check(CHAT, value, "chat id");
    }

    static String queue(String value) {
        return check(QUEUE, value, "queue");
    }

    static String caseId(String value) {
        return check(CASE, value, "case id");
    }

    static String command(String value) {
        return check(COMMAND, value, "command id");
    }

    static int mediaIndex(String value) {
        if (value == null || !value.matches("[0-9]{1,3}")) {
            throw new BadRequestResponse("media index must be a small number");
        }
        return Integer.parseInt(value);
    }

    private static String check(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new BadRequestResponse("not a valid " + what);
        }
        return value;
    }
}
