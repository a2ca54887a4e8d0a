package io.vigil.ingest.telegram.links;

import io.vigil.schemas.TextEntity;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Telegram chat and invite links in a text: {@code t.me/+hash}, {@code t.me/joinchat/hash}, {@code t.me/name},
 * their {@code telegram.me} and {@code telegram.dog} spellings and {@code tg://join?invite=hash}, written with or
 * without a scheme. Normalised to {@code https://t.me/...} (the form GroupMetadata.inviteLinks and GroupEvent.links
 * use), so that the same link written two ways is one link. Invite hashes are case-sensitive and kept as written;
 * public usernames are not and are lower-cased.
 */
public final class TelegramLinks {

    private static final Pattern WEB = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.)?(?:t\\.me|telegram\\.me|telegram\\.dog)/(\\+[A-Za-z0-9_-]+|joinchat/[A-Za-z0-9_-]+|[A-Za-z][A-Za-z0-9_]{3,31})(?![A-Za-z0-9_])");
    private static final Pattern APP = Pattern.compile("(?i)tg://join\\?invite=([A-Za-z0-9_-]+)");

    private TelegramLinks() {
    }

    /** Distinct links in the text and in its text_link entities, in order of appearance. */
    public static List<String> find(String text, List<TextEntity> entities) {
        Set<String> links = new LinkedHashSet<>();
        if (text != null) {
            collect(text, links);
        }
        for (TextEntity entity : entities) {
            if (entity.getUrl() != null) {
                collect(entity.getUrl(), links);
            }
        }
        return List.copyOf(links);
    }

    /** One link in its normal form, or null when it is not a Telegram chat or invite link. */
    public static String normalise(String link) {
        Set<String> found = new LinkedHashSet<>();
        collect(link.strip(), found);
        return found.isEmpty() ? null : found.iterator().next();
    }

    private static void collect(String text, Set<String> links) {
        Matcher web = WEB.matcher(text);
        while (web.find()) {
            String path = web.group(1);
            if (path.startsWith("+")) {
                links.add("https://t.me/" + path);
            } else if (path.regionMatches(true, 0, "joinchat/", 0, 9)) {
                links.add("https://t.me/joinchat/" + path.substring(9));
            } else {
                links.add("https://t.me/" + path.toLowerCase(Locale.ROOT));
            }
        }
        Matcher app = APP.matcher(text);
        while (app.find()) {
            links.add("https://t.me/+" + app.group(1));
        }
    }
}
