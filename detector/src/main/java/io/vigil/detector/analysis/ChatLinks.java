package io.vigil.detector.analysis;

import io.vigil.schemas.MessageEvent;
import io.vigil.schemas.TextEntity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Telegram chat and invite links a message carries, in its text or behind its link entities: a group that is
 * taken down is re-created under a new name, and its members are pointed there by a link posted in the old one.
 * Only the link's target is kept ({@code https://t.me/+hash}, {@code https://t.me/joinchat/hash} or
 * {@code https://t.me/username}), never the text around it.
 */
public final class ChatLinks {

    /** A message advertising more chats than this is spam; the first ones are enough for lineage. */
    static final int MAX_LINKS = 16;

    /**
     * t.me (and its aliases telegram.me, telegram.dog) followed by an invite hash ({@code +hash}, {@code joinchat/hash})
     * or a public username (5-32 characters, a letter first, per Telegram's username rules); a post path after the
     * username ({@code /123}) still names the chat.
     */
    private static final Pattern LINK = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me|telegram\\.dog)/(\\+[A-Za-z0-9_-]{6,64}|joinchat/[A-Za-z0-9_-]{6,64}|[A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_-])");

    private ChatLinks() {
    }

    public static List<String> in(MessageEvent event) {
        Set<String> links = new LinkedHashSet<>();
        if (event.getText() != null) {
            collect(event.getText(), links);
        }
        for (TextEntity entity : event.getEntities()) {
            if (entity.getUrl() != null) {
                collect(entity.getUrl(), links);
            }
        }
        return links.stream().limit(MAX_LINKS).toList();
    }

    private static void collect(String text, Set<String> links) {
        Matcher m = LINK.matcher(text);
        while (m.find() && links.size() < MAX_LINKS) {
            String target = m.group(1);
            boolean invite = target.startsWith("+") || target.regionMatches(true, 0, "joinchat/", 0, 9);
            // Invite hashes are case-sensitive; usernames are not.
            links.add("https://t.me/" + (invite ? target : target.toLowerCase(Locale.ROOT)));
        }
    }
}
