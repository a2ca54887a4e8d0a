package io.vigil.enricher.lineage;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One canonical form for a Telegram chat link, so that a link posted in one chat compares equal to another chat's
 * own link however each was written: {@code https://t.me/+hash} for invites ({@code joinchat/hash} is the older
 * form of the same invite), {@code https://t.me/username} in lower case for public chats (usernames are
 * case-insensitive; invite hashes are not).
 */
public final class TelegramLinks {

    private static final Pattern LINK = Pattern.compile(
            "(?i)^(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me|telegram\\.dog)/(\\+[A-Za-z0-9_-]+|joinchat/[A-Za-z0-9_-]+|[A-Za-z][A-Za-z0-9_]{3,31})(?:[/?#].*)?$");

    private TelegramLinks() {
    }

    public static Optional<String> canonical(String link) {
        if (link == null) {
            return Optional.empty();
        }
        Matcher m = LINK.matcher(link.strip());
        if (!m.matches()) {
            return Optional.empty();
        }
        String target = m.group(1);
        if (target.startsWith("+")) {
            return Optional.of("https://t.me/" + target);
        }
        if (target.regionMatches(true, 0, "joinchat/", 0, 9)) {
            return Optional.of("https://t.me/+" + target.substring(9));
        }
        return Optional.of("https://t.me/" + target.toLowerCase(Locale.ROOT));
    }

    /** The link of a public chat's username ({@code @name} or {@code name}). */
    public static Optional<String> ofUsername(String username) {
        if (username == null || username.isBlank()) {
            return Optional.empty();
        }
        return canonical("https://t.me/" + username.strip().replaceFirst("^@", ""));
    }
}
