package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.ingest.telegram.text.AttachedText;

import java.util.ArrayList;
import java.util.List;

/** An export message's contact card ({@code contact_information}), venue ({@code place_name}, {@code address}) and poll. */
final class ExportAttachments {

    private ExportAttachments() {
    }

    static String text(JsonNode message) {
        AttachedText attached = new AttachedText();
        JsonNode contact = message.get("contact_information");
        if (contact != null && contact.isObject()) {
            attached.contact(contact.path("first_name").asText(""), contact.path("last_name").asText(""), contact.path("phone_number").asText(""));
        }
        if (message.hasNonNull("place_name") || message.hasNonNull("address")) {
            attached.venue(message.path("place_name").asText(""), message.path("address").asText(""));
        }
        JsonNode poll = message.get("poll");
        if (poll != null && poll.isObject()) {
            List<String> answers = new ArrayList<>();
            poll.path("answers").forEach(answer -> answers.add(answer.path("text").asText("")));
            attached.poll(poll.path("question").asText(""), answers);
        }
        return attached.text();
    }
}
