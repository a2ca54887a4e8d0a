package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Text that an export message carries outside {@code text}: a shared contact card (a name and a phone number: the
 * commonest way a victim's number is posted), a venue's name and address, a poll's question and answers. The detector
 * scans message text, so these become part of it, after the message's own text; nothing else of them is kept.
 */
final class AttachedText {

    private AttachedText() {
    }

    static String of(JsonNode message) {
        List<String> parts = new ArrayList<>();
        JsonNode contact = message.get("contact_information");
        if (contact != null && contact.isObject()) {
            parts.add(join(" ", contact.path("first_name").asText(""), contact.path("last_name").asText(""),
                    contact.path("phone_number").asText("")));
        }
        if (message.hasNonNull("place_name") || message.hasNonNull("address")) {
            parts.add(join(", ", message.path("place_name").asText(""), message.path("address").asText("")));
        }
        JsonNode poll = message.get("poll");
        if (poll != null && poll.isObject()) {
            List<String> lines = new ArrayList<>();
            lines.add(poll.path("question").asText(""));
            for (JsonNode answer : poll.path("answers")) {
                lines.add(answer.path("text").asText(""));
            }
            parts.add(join("\n", lines.toArray(String[]::new)));
        }
        String text = join("\n\n", parts.toArray(String[]::new));
        return text.isBlank() ? null : text;
    }

    private static String join(String separator, String... parts) {
        List<String> present = new ArrayList<>();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                present.add(part.strip());
            }
        }
        return String.join(separator, present);
    }
}
