package io.vigil.ingest.telegram.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Text a message carries outside its text: a shared contact card (a name and a phone number: a common way a
 * victim's number is posted), a venue's name and address, a poll's question and answers. The detector scans message
 * text, so these become part of it, each as its own paragraph after the message's own text; nothing else of them is
 * kept. Exports and the Bot API name the same things differently; the forms here are the same for both.
 */
public final class AttachedText {

    private final List<String> parts = new ArrayList<>();

    public AttachedText contact(String firstName, String lastName, String phoneNumber) {
        return add(join(" ", firstName, lastName, phoneNumber));
    }

    public AttachedText venue(String name, String address) {
        return add(join(", ", name, address));
    }

    public AttachedText poll(String question, List<String> answers) {
        List<String> lines = new ArrayList<>();
        lines.add(question);
        lines.addAll(answers);
        return add(join("\n", lines.toArray(String[]::new)));
    }

    /** The parts as one text, paragraphs apart; null when there is none. */
    public String text() {
        String text = join("\n\n", parts.toArray(String[]::new));
        return text.isBlank() ? null : text;
    }

    private AttachedText add(String part) {
        if (!part.isBlank()) {
            parts.add(part);
        }
        return this;
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
