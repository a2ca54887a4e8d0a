package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Social profiles: links to a platform's profile pages (SOCIAL_URL: "instagram.com/name", "t.me/name",
 * "wa.me/34600…"), and handles (SOCIAL_HANDLE): "@name" anywhere, or a bare name right after a platform label
 * ("ig: name", "snap - name", "insta name.surname"). A bare name after a label needs a colon-like separator or a
 * dot, underscore or digit in it, which ordinary words do not have.
 */
public final class SocialRecognizer implements Recognizer {

    private static final double URL_CONFIDENCE = 0.95;
    private static final double AT_HANDLE_CONFIDENCE = 0.8;
    private static final double LABELLED_HANDLE_CONFIDENCE = 0.8;
    /** A platform label counts for an "@name" up to this many chars before it. */
    private static final int PLATFORM_WINDOW = 40;

    /** Instagram/TikTok/Telegram handles: letters, digits, dot, underscore; no trailing dot; at most 30 chars. */
    private static final String HANDLE = "[A-Za-z0-9_](?:[A-Za-z0-9._-]{0,28}[A-Za-z0-9_])?";
    private static final Pattern AT_HANDLE = Pattern.compile("(?<![A-Za-z0-9._%+@-])@(" + HANDLE + ")(?![\\p{L}\\p{N}@])");
    /** QQ numbers are the handle: 5 to 11 digits. */
    private static final Pattern QQ_NUMBER = Pattern.compile("\\d{5,11}");
    /** Words people put between a label and the name: "su insta es name", "ig: name", "snap → name". */
    private static final String FILLER =
            "(?:es|is|e|é|è|est|c'est|c est|ist|это|ni|ndio|dir|dır|是|就是|el|la|le|o|a|de|da|do)";
    private static final String SEPARATOR = "[\\s]*(?:[:=>→\\-–—|]+)[\\s]*";

    private final Pattern urls;
    private final Pattern labelled;
    /** Every label (folded), by its first char: where a labelled handle may begin. */
    private final LabelStarts labelStarts;
    /** Every profile-link domain (lower case): a link names one of them. */
    private final List<String> domainList;
    private final Map<String, String> platformByDomain = new HashMap<>();
    private final Map<String, String> platformByLabel = new HashMap<>();

    public SocialRecognizer(SocialPlatforms platforms) {
        List<String> domains = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> colonLabels = new ArrayList<>();
        for (SocialPlatforms.Platform p : platforms.platforms()) {
            for (String d : p.domains()) {
                domains.add(d);
                platformByDomain.put(d, p.name());
            }
            for (String l : p.labels()) {
                if (l.endsWith(":")) {
                    String bare = l.substring(0, l.length() - 1);
                    colonLabels.add(bare);
                    platformByLabel.put(bare, p.name());
                } else {
                    labels.add(l);
                    platformByLabel.put(l, p.name());
                }
            }
        }
        this.domainList = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).distinct().toList();
        List<String> allLabels = new ArrayList<>(labels);
        allLabels.addAll(colonLabels);
        this.labelStarts = new LabelStarts(allLabels);
        this.urls = Pattern.compile("(?<![A-Za-z0-9@.-])(?:https?://)?(?:(?:www|m|web|mobile)\\.)?("
                + alternation(domains) + ")(/[^\\s<>\"'`()\\[\\]{}]+)", Pattern.CASE_INSENSITIVE);
        String any = "(?:" + alternation(labels) + ")";
        String colonOnly = "(?:" + alternation(colonLabels) + ")";
        // Ideographs may touch a label ("她QQ…", "抖音号 …"): they are not word characters here.
        this.labelled = Pattern.compile("(?<![\\p{L}\\p{N}_&&[^\\p{IsIdeographic}]])(?:(" + any + ")(" + SEPARATOR
                + "|\\s+(?:" + FILLER + "\\s+){0,2}|\\s*(?:" + FILLER + "\\s*)?" + SEPARATOR + "|(?<=\\p{IsIdeographic}|qq)\\s*)|("
                + colonOnly + ")(" + SEPARATOR + "))(" + HANDLE + ")(?![\\p{L}\\p{N}@&&[^\\p{IsIdeographic}]])");
    }

    private static String alternation(List<String> words) {
        return words.stream().distinct().sorted(Comparator.comparingInt(String::length).reversed())
                .map(Pattern::quote).collect(Collectors.joining("|"));
    }

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        String text = ctx.text();
        List<Finding> found = new ArrayList<>();
        if (text.indexOf('.') >= 0 && namesADomain(ctx.folded())) {
            Matcher m = urls.matcher(text);
            while (m.find()) {
                int end = trimTrailingPunctuation(text, m.start(2), m.end());
                String path = text.substring(m.start(2), end);
                if (path.length() <= 1) {
                    continue;
                }
                String platform = platformByDomain.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), "web");
                String handle = firstSegment(path);
                String value = platform + ":" + handle.toLowerCase(Locale.ROOT);
                found.add(new Finding(EntityType.SOCIAL_URL, m.start(), end, URL_CONFIDENCE, platform, value,
                        text.substring(m.start(), m.start(2)) + "/" + Masking.keepEnds(handle, 1, 1)));
            }
        }
        if (ctx.hasAt()) {
            Matcher m = AT_HANDLE.matcher(text);
            while (m.find()) {
                if (isInside(found, m.start()) || m.group(1).chars().allMatch(Character::isDigit)) {
                    continue;
                }
                String platform = platformBefore(ctx.folded(), m.start());
                addHandle(found, m.start(), m.end(), m.group(1), platform, AT_HANDLE_CONFIDENCE);
            }
        }
        Matcher m = labelled.matcher(ctx.folded()).useTransparentBounds(true).useAnchoringBounds(false);
        int from = 0;
        while (nextLabelled(m, ctx.folded(), from)) {
            from = m.end();
            int hs = m.start(5);
            int he = m.end(5);
            if (isInside(found, hs)) {
                continue;
            }
            String separator = m.group(2) != null ? m.group(2) : m.group(4);
            String handle = text.substring(hs, he);
            boolean punctuated = !separator.isBlank() && separator.strip().chars().anyMatch(c -> ":=>→-–—|".indexOf(c) >= 0);
            String label = m.group(1) != null ? m.group(1) : m.group(3);
            String platform = platformByLabel.getOrDefault(label, "unknown");
            boolean handleLike = handle.chars().anyMatch(c -> c == '.' || c == '_' || Character.isDigit(c));
            boolean hasLetter = handle.chars().anyMatch(c -> Character.isLetter(c) || c == '_');
            boolean qq = platform.equals("qq") && QQ_NUMBER.matcher(handle).matches();
            if (!qq && (!(punctuated || handleLike) || !hasLetter)) {
                continue; // an ordinary word, a version number or a count, not a handle
            }
            addHandle(found, hs, he, handle, platform, LABELLED_HANDLE_CONFIDENCE);
        }
        out.addAll(found);
    }

    /**
     * Every match of the link pattern names a domain, matched ignoring ASCII case; the folded text is lower case, so
     * a text without any domain in it has no link, and the pattern (tried at every position) need not run.
     */
    private boolean namesADomain(String folded) {
        for (String domain : domainList) {
            if (folded.contains(domain)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The next match of {@link #labelled}, as {@link Matcher#find()} would return it. Every match begins with a label,
     * so the pattern, an alternation of every label tried at every position of every message, is tried only where a
     * label begins: from {@code from} (the end of the previous match) at each such position in turn, anchored there,
     * seeing the whole text around it (transparent bounds) as a search would.
     */
    private boolean nextLabelled(Matcher m, String folded, int from) {
        for (int i = labelStarts.next(folded, from); i >= 0; i = labelStarts.next(folded, i + 1)) {
            m.region(i, folded.length());
            if (m.lookingAt()) {
                return true;
            }
        }
        return false;
    }

    private void addHandle(List<Finding> found, int start, int end, String handle, String platform, double confidence) {
        String value = handle.toLowerCase(Locale.ROOT);
        found.add(new Finding(EntityType.SOCIAL_HANDLE, start, end, confidence, platform, value,
                "@" + Masking.keepEnds(value, 1, 1)));
    }

    private String platformBefore(String folded, int position) {
        int from = Math.max(0, position - PLATFORM_WINDOW);
        String window = folded.substring(from, position);
        String best = "unknown";
        int bestAt = -1;
        for (Map.Entry<String, String> e : platformByLabel.entrySet()) {
            int i = window.lastIndexOf(e.getKey());
            if (i > bestAt && isWordAt(window, i, e.getKey().length())) {
                bestAt = i;
                best = e.getValue();
            }
        }
        return best;
    }

    private static boolean isWordAt(String s, int i, int len) {
        boolean startOk = i == 0 || !Character.isLetterOrDigit(s.charAt(i - 1));
        boolean endOk = i + len >= s.length() || !Character.isLetterOrDigit(s.charAt(i + len));
        return startOk && endOk;
    }

    private static boolean isInside(List<Finding> found, int position) {
        return found.stream().anyMatch(f -> f.start() <= position && position < f.end());
    }

    private static int trimTrailingPunctuation(String text, int pathStart, int end) {
        while (end > pathStart && ".,;:!?)»”’'\"".indexOf(text.charAt(end - 1)) >= 0) {
            end--;
        }
        return end;
    }

    private static String firstSegment(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.startsWith("@")) {
            p = p.substring(1);
        }
        int cut = p.length();
        for (int i = 0; i < p.length(); i++) {
            if ("/?#&".indexOf(p.charAt(i)) >= 0) {
                cut = i;
                break;
            }
        }
        String first = p.substring(0, cut);
        if (first.equals("add") || first.equals("profile.php") || first.equals("send") || first.equals("c")
                || first.equals("user") || first.equals("channel") || first.equals("s")) {
            return p.length() > cut ? p.substring(cut + 1).replaceAll("[?#&].*", "") : first;
        }
        return first;
    }
}
