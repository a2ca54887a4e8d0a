package io.vigil.detector.doxxing.recognizers;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.Lexicon;
import io.vigil.detector.doxxing.lexicon.PhraseHit;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Map;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Phone numbers through libphonenumber's matcher, which already refuses dates, times and page ranges. The group's
 * country reads national formats; without one, the configured fallback regions are tried in order (Cyrillic text
 * first as Russian, ideographic text first as Chinese). A number valid for its region is a phone; one only
 * "possible" in length is kept when it is written internationally or announced by a phone label. A number right
 * after an order, invoice or tracking label, or next to a currency, is not a phone.
 */
public final class PhoneRecognizer implements Recognizer {

    /** Fewest digits of a subscriber number worth handing to libphonenumber (shortest national numbers are 7–8). */
    static final int MIN_DIGITS = 7;
    /** libphonenumber's own default for maxTries is Long.MAX_VALUE; a chat message never needs more than this. */
    private static final long MAX_TRIES = 64;
    /** Labels count within this many chars before the number ("tlf: ", "número de pedido "). */
    private static final int LABEL_WINDOW = 24;
    public static final double VALID_CONFIDENCE = 0.9;
    /** A valid number announced by a phone label ("tel.", "whatsapp"): an address never swallows it. */
    public static final double LABELLED_CONFIDENCE = 0.95;
    static final double POSSIBLE_CONFIDENCE = 0.6;

    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])(?:(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)\\.){3}(?:25[0-5]|2[0-4]\\d|1?\\d?\\d)(?![\\d]|\\.\\d)");
    private static final Pattern DATE_LIKE = Pattern.compile("\\d{1,4}[./-]\\d{1,2}[./-]\\d{1,4}");
    /** A decimal or a number with one thousands separator: "3,14", "40.000". */
    private static final Pattern DECIMAL_LIKE = Pattern.compile("\\d+[.,]\\d{1,2}|\\d{1,3}[.,]\\d{3}");
    private static final String CURRENCY_SYMBOLS = "€$£¥₽₼₹元";

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final List<String> fallbackRegions;
    private final Map<String, List<String>> languageRegions;
    private final NumberWordReader wordReader;

    public PhoneRecognizer(List<String> fallbackRegions, Map<String, List<String>> languageRegions, Lexicon lexicon) {
        this.fallbackRegions = List.copyOf(fallbackRegions);
        this.languageRegions = Map.copyOf(languageRegions);
        this.wordReader = new NumberWordReader(new MisspeltNumberWords(lexicon));
    }

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        List<Finding> found = new ArrayList<>();
        // Chars already claimed by a number: one bit per char keeps the overlap check linear in the text length.
        BitSet claimed = new BitSet(ctx.text().length());
        List<String> regions = regionsFor(ctx);
        if (NumberWordReader.mayHold(ctx)) {
            for (NumberWordReader.Spelled group : wordReader.read(ctx)) {
                List<String> spelledRegions = ctx.region().isPresent()
                        ? regions.subList(0, 1) : spelledRegions(ctx, group);
                Finding f = null;
                for (NumberWordReader.Spelled s : group.candidates()) {
                    for (String region : spelledRegions) {
                        f = parseSpelled(ctx, s, region);
                        if (f != null) {
                            break;
                        }
                    }
                    if (f != null) {
                        break;
                    }
                }
                if (f != null && claim(claimed, f)) {
                    found.add(f);
                }
            }
        }
        if (ctx.digitCount() >= MIN_DIGITS) {
            for (String region : regions) {
                for (PhoneNumberMatch m : util.findNumbers(ctx.text(), region, Leniency.POSSIBLE, MAX_TRIES)) {
                    if (claimed.nextSetBit(m.start()) >= 0 && claimed.nextSetBit(m.start()) < m.end()) {
                        continue;
                    }
                    Finding f = accept(ctx, m.start(), m.end(), m.rawString(), m.number(), regions);
                    if (f != null && claim(claimed, f)) {
                        found.add(f);
                    }
                }
                if (ctx.region().isPresent()) {
                    break; // the group's own country reads national numbers; international ones parse in any region
                }
                if (everyDigitClaimed(ctx.text(), claimed)) {
                    break; // every match has a digit, and a match over a claimed char is skipped: nothing is left
                }
            }
        }
        out.addAll(found);
    }

    /** Whether every decimal digit of the text (any script, as libphonenumber reads them) lies in a claimed span. */
    private static boolean everyDigitClaimed(String text, BitSet claimed) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isDigit(text.codePointAt(i)) && !claimed.get(i)) {
                return false;
            }
        }
        return true;
    }

    private static boolean claim(BitSet claimed, Finding f) {
        int next = claimed.nextSetBit(f.start());
        if (next >= 0 && next < f.end()) {
            return false;
        }
        claimed.set(f.start(), f.end());
        return true;
    }

    /**
     * The regions a national-format number may belong to: the group's country when known; otherwise those the
     * message itself supports (its script, the languages of its cue words), and only where nothing supports any
     * region, the configured fallbacks, whose numbers then need a phone label.
     */
    private List<String> regionsFor(ScanContext ctx) {
        Optional<String> hint = ctx.region();
        List<String> regions = new ArrayList<>();
        hint.ifPresent(regions::add);
        if (hint.isPresent()) {
            return regions;
        }
        for (String r : contextRegions(ctx)) {
            if (!regions.contains(r)) {
                regions.add(r);
            }
        }
        if (regions.isEmpty()) {
            regions.addAll(fallbackRegions);
        }
        return regions;
    }

    /**
     * Without a country hint, the regions a number in words may be from: those the message supports, then those
     * where its number words are spoken ("sıfır əlli beş …" is Azerbaijani), and only where neither says anything,
     * the configured fallbacks.
     */
    private List<String> spelledRegions(ScanContext ctx, NumberWordReader.Spelled spelled) {
        List<String> regions = new ArrayList<>(contextRegions(ctx));
        boolean supported = !regions.isEmpty();
        for (String language : spelled.languages()) {
            for (String r : languageRegions.getOrDefault(language, List.of())) {
                if (!regions.contains(r)) {
                    regions.add(r);
                }
            }
        }
        if (!supported) {
            for (String r : fallbackRegions) {
                if (!regions.contains(r)) {
                    regions.add(r);
                }
            }
        }
        return regions;
    }

    /** Regions the text supports without a country hint: its script, then the languages of its cues, most hits first. */
    List<String> contextRegions(ScanContext ctx) {
        List<String> regions = new ArrayList<>();
        if (ctx.hasCyrillic()) {
            regions.add("RU");
        }
        if (ctx.hasIdeographs()) {
            regions.add("CN");
        }
        for (String language : ctx.languages()) {
            for (String r : languageRegions.getOrDefault(language, List.of())) {
                if (!regions.contains(r)) {
                    regions.add(r);
                }
            }
        }
        return regions;
    }

    private Finding accept(ScanContext ctx, int start, int end, String raw, PhoneNumber number, List<String> regions) {
        String text = ctx.text();
        if (insideIpAddress(text, start, end)) {
            return null;
        }
        if (start > 0 && isWordChar(text.charAt(start - 1)) || end < text.length() && isWordChar(text.charAt(end))) {
            return null;
        }
        // "INV-2024-0158", "RE-2024/0412": digits glued to a code are part of that code.
        if (start > 1 && "-/".indexOf(text.charAt(start - 1)) >= 0 && isWordChar(text.charAt(start - 2))) {
            return null;
        }
        if (nextToCurrency(text, start, end) || isDecimalOrDate(raw)) {
            return null;
        }
        boolean international = raw.startsWith("+") || raw.startsWith("00");
        boolean valid = util.isValidNumber(number);
        Optional<PhraseHit> phoneLabel = ctx.nearestBefore(start, LABEL_WINDOW, CueKind.PHONE_LABEL);
        Optional<PhraseHit> notPhoneLabel = ctx.nearestBefore(start, LABEL_WINDOW, CueKind.NOT_PHONE_LABEL);
        boolean overridden = notPhoneLabel.isPresent() && phoneLabel.isPresent()
                && phoneLabel.get().start() >= notPhoneLabel.get().end();
        if (notPhoneLabel.isPresent() && !overridden) {
            // "Pedidos: 612 34 56 78" is a shop's phone; "pedido 612345678" or "account no. 0031 2287 5590" is not.
            boolean looksDialled = valid && !raw.startsWith("00") && !raw.chars().allMatch(Character::isDigit)
                    && ctx.region().map(r -> r.equals(util.getRegionCodeForNumber(number))).orElse(raw.startsWith("+"));
            if (!looksDialled) {
                return null;
            }
        }
        Optional<PhraseHit> label = overridden || notPhoneLabel.isEmpty() ? phoneLabel : Optional.empty();
        if (ctx.region().isEmpty() && !contextSupports(ctx, number, international, label.isPresent(), regions)) {
            return null;
        }
        double confidence;
        if (valid) {
            confidence = label.isPresent() ? LABELLED_CONFIDENCE : VALID_CONFIDENCE;
        } else if (util.isPossibleNumber(number) && (international || label.isPresent())) {
            confidence = POSSIBLE_CONFIDENCE;
        } else {
            return null;
        }
        return finding(start, end, number, confidence);
    }

    /**
     * Without a country hint, a number written nationally is a phone only when it is valid in a region the message
     * supports (script, language); one written internationally must be valid where its country code says; where
     * nothing in the message supports a region, only a labelled number valid in a fallback region is accepted.
     */
    private boolean contextSupports(ScanContext ctx, PhoneNumber number, boolean international, boolean labelled,
                                    List<String> regions) {
        if (international) {
            return util.isValidNumber(number) || labelled;
        }
        List<String> supported = contextRegions(ctx);
        if (supported.isEmpty()) {
            return labelled && util.isValidNumber(number);
        }
        String numberRegion = util.getRegionCodeForNumber(number);
        return numberRegion != null && supported.contains(numberRegion) && util.isValidNumber(number);
    }

    /** "192.168.1.20", "10.0.0.1:8080": digits that belong to a dotted quad are an IP address, not a phone. */
    static boolean insideIpAddress(String text, int start, int end) {
        int from = start;
        while (from > 0 && (Character.isDigit(text.charAt(from - 1)) || text.charAt(from - 1) == '.')) {
            from--;
        }
        int to = end;
        while (to < text.length() && (Character.isDigit(text.charAt(to)) || text.charAt(to) == '.')) {
            to++;
        }
        return IPV4.matcher(text.substring(from, to)).find();
    }

    private Finding parseSpelled(ScanContext ctx, NumberWordReader.Spelled s, String region) {
        if (insideIpAddress(ctx.text(), s.start(), s.end())) {
            return null; // "old one 192.0.2.44": a number word before an address is not part of a phone
        }
        try {
            PhoneNumber number = util.parse(s.digits(), region);
            Optional<PhraseHit> label = ctx.nearestBefore(s.start(), LABEL_WINDOW, CueKind.PHONE_LABEL, CueKind.NOT_PHONE_LABEL);
            if (label.isPresent() && label.get().kind() == CueKind.NOT_PHONE_LABEL) {
                return null;
            }
            if (util.isValidNumber(number)) {
                return finding(s.start(), s.end(), number, VALID_CONFIDENCE * 0.9);
            }
            if (label.isPresent() && util.isPossibleNumber(number)) {
                return finding(s.start(), s.end(), number, POSSIBLE_CONFIDENCE * 0.9);
            }
        } catch (com.google.i18n.phonenumbers.NumberParseException e) {
            // not a number in this region: try the next one
        }
        return null;
    }

    private Finding finding(int start, int end, PhoneNumber number, double confidence) {
        String e164 = util.format(number, PhoneNumberFormat.E164);
        String international = util.format(number, PhoneNumberFormat.INTERNATIONAL);
        String region = util.getRegionCodeForNumber(number);
        return new Finding(EntityType.PHONE, start, end, confidence, region == null ? "ZZ" : region,
                e164, Masking.phone(international));
    }

    private static boolean nextToCurrency(String text, int start, int end) {
        for (int i = start - 1; i >= Math.max(0, start - 3); i--) {
            char c = text.charAt(i);
            if (CURRENCY_SYMBOLS.indexOf(c) >= 0) {
                return true;
            }
            if (c != ' ') {
                break;
            }
        }
        for (int i = end; i < Math.min(text.length(), end + 3); i++) {
            char c = text.charAt(i);
            if (CURRENCY_SYMBOLS.indexOf(c) >= 0) {
                return true;
            }
            if (c != ' ') {
                break;
            }
        }
        return false;
    }

    /** Letters and digits of scripts written with spaces; ideographs may touch a number ("电话13800138000"). */
    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) && !io.vigil.detector.doxxing.lexicon.PhraseMatcher.isIdeographic(c);
    }

    private static boolean isDecimalOrDate(String raw) {
        String trimmed = raw.trim();
        return DATE_LIKE.matcher(trimmed).matches() || DECIMAL_LIKE.matcher(trimmed).matches();
    }
}
