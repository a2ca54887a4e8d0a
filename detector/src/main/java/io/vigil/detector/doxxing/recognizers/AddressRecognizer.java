package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;
import io.vigil.detector.doxxing.lexicon.CueKind;
import io.vigil.detector.doxxing.lexicon.PhraseHit;
import io.vigil.detector.doxxing.lexicon.PhraseMatcher;
import io.vigil.detector.doxxing.lexicon.TextFolding;
import io.vigil.detector.doxxing.privacy.Masking;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Postal addresses, anchored on the street types of the lexicon's languages: a street type written before the name
 * ("Calle", "Via", "Rua", "rue", "ул.", "Jalan"), after it ("Hauptstraße", "Baker Street", "Nizami küçəsi",
 * "建国路"), with a house number before or after ("21 rue …", "No. 12, Jalan …", "Calle 23 #456"). The core is then
 * extended over the comma-separated parts that belong to an address: flat and floor ("3ºB", "кв. 12", "piso 2"),
 * postcode and city ("28013 Madrid", "01305-100", "55100 Kuala Lumpur"), Brazilian state, Cuban "e/ L y M".
 * A number followed by a unit of measure or currency ("via app 12 €", "plaza 3 veces") is not a house number.
 */
public final class AddressRecognizer implements Recognizer {

    private static final String WORD = "[\\p{L}][\\p{L}\\p{M}'’.\\-]*";
    private static final String NAME_TOKEN = "(?:" + WORD + "|\\d{1,3}(?:ª|º|°|a|ta|na|ra|da|ma|va|er|e|ème|th|st|nd|rd)?(?![\\p{L}\\p{N}]))";
    private static final String HOUSE_MARK = "(?:n\\.?\\s?º|nº|n°|no\\.?|núm\\.?|num\\.?|número|numero|n\\.|#|№|nr\\.?|д\\.|дом|ev|civico)";
    private static final String HOUSE_NUMBER = "(?:\\d{1,4}(?:\\s?[A-Za-z](?![\\p{L}/]))?(?:\\s?[-/]\\s?(?:\\d{1,4}[A-Za-z]?|[A-Za-z](?![\\p{L}])))?|s/n|snc)";
    /** Name (lazy, so the first number after it is the house number), optional comma, optional mark, number. */
    private static final Pattern AFTER_PREFIX = Pattern.compile(
            "\\s*(" + NAME_TOKEN + "(?:\\s+" + NAME_TOKEN + "){0,5}?)\\s*,?\\s*(?:" + HOUSE_MARK + "\\s*)?(" + HOUSE_NUMBER + ")(?![\\p{L}\\p{N}])",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Name only, when the house number came before the street type ("21 rue Nationale"). */
    private static final Pattern NAME_ONLY = Pattern.compile(
            "\\s*(" + NAME_TOKEN + "(?:\\s+(?:" + WORD + ")){0,4})", Pattern.UNICODE_CASE);
    /** A house number before the street: "21 rue …", "No. 12, Jalan …", "Unit 4/27 Enmore Rd", "3/112 Brunswick St". */
    private static final Pattern NUMBER_BEFORE = Pattern.compile(
            "(?:(?:unit|flat|apt\\.?|shop)\\s+)?(?:\\d{1,4}[A-Za-z]?\\s?/\\s?)?(?:(?:n\\.?\\s?º|nº|n°|no\\.?|lot)\\s*)?\\d{1,5}[A-Za-z]?(?:\\s?(?:bis|ter))?\\s*,?\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern NUMBER_AFTER_SUFFIX = Pattern.compile(
            "^\\s*,?\\s*(?:" + HOUSE_MARK + "\\s*)?(" + HOUSE_NUMBER + ")(?![\\p{L}\\p{N}])", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern BOX_NUMBER = Pattern.compile("^\\s*\\d{1,6}(?:\\s*[-–]\\s*\\d{5})?");
    private static final Pattern CJK_NUMBER = Pattern.compile(
            "^\\s*(?:\\d{1,5}|[零一二三四五六七八九十百]{1,5})\\s*[号弄](?:\\s*(?:\\d{1,5}|[一二三四五六七八九十])\\s*(?:号楼|号|栋|幢|单元|室|楼|层|弄))*");
    /** UK postcodes (BS 7666): outward code, space, inward code. */
    private static final String UK_POSTCODE = "(?:[A-Z]{1,2}\\d[A-Z\\d]?\\s?\\d[A-Z]{2}|" + "[AC-FHKNPRTV-Y]\\d{2}\\s?[AC-FHKNPRTV-Y\\d]{4})(?![\\p{L}\\p{N}])";
    /** A place name: capitalised words (not a postcode's letters: "Leeds LS6 2BP" stops before "LS"). */
    private static final String CITY = "\\p{Lu}[\\p{L}\\p{M}'’.\\-]*(?![\\p{N}])(?:\\s+(?:de|del|da|do|dos|das|di|la|le|les|sur|am|an|der|el|\\p{Lu}[\\p{L}\\p{M}'’.\\-]*(?![\\p{L}\\p{N}'’.\\-]))(?![\\p{N}])){0,3}";
    /** One more part of the address after a comma, dash or space. */
    private static final Pattern TAIL = Pattern.compile(
            "^(?:\\s*[,\\-–]\\s*|\\s+)(?:"
                    + "(?<postcode>(?:(?:[A-Z]{2}[-\\s]?)?\\d{4,6}(?:-\\d{3,4})?(?![\\p{N}])|" + UK_POSTCODE + ")(?:\\s+" + CITY + ")?)"
                    + "|(?<ordinal>\\d{1,2}\\s?[º°ªo](?:\\s?(?:[A-Za-z]{1,4}\\.?))?(?![\\p{L}])|(?i:\\d{1,2}(?:st|nd|rd|th)\\s+(?:floor|fl\\.?))"
                    // Catalan floor and door: "2n 1a", "3r 2a", "4t"
                    + "|\\d{1,2}(?:n|r|t|a)(?:\\s\\d{1,2}(?:a|n|r|t))?(?![\\p{L}\\p{N}]))"
                    + "|(?<between>(?:e/|entre)\\s*[\\p{L}\\d]+(?:\\s[\\p{L}\\d]+)?\\s+y\\s+[\\p{L}\\d]+)"
                    + "|(?<unit>(?i:piso|planta|puerta|pta\\.?|escalera|esc\\.|bajo|portal|bloque|apto\\.?|apartamento|depto\\.?|interno|int\\.|scala|piano|appartamento"
                    + "|apt\\.?|apartment|flat|floor|unit|suite|block|house|hse\\.?|shop|plot|presint|andar|bloco|casa|sala|lote|appt\\.?|étage|etage|bât\\.?|batiment|bâtiment|porte|wohnung|whg\\.?|etage"
                    + "|кв\\.?|квартира|к\\.|корп\\.?|корпус|стр\\.?|подъезд|этаж|эт\\.|mənzil|m\\.|bina|blok|mərtəbə|unit|tingkat|aras|ghorofa|nyumba"
                    + "|cp|c\\.p\\.|cep|cap|plz|indeks|индекс|poskod)\\s*[:.]?\\s*[\\p{L}\\d]{1,6}(?:[º°ª]\\s?[A-Za-z]{0,4})?(?:[-/][\\p{L}\\d]{1,4})?)"
                    + "|(?<uf>(?<=[-/]\\s?)[A-Z]{2}(?![\\p{L}]))"
                    + "|(?<city>(?<=[,\\-–]\\s{0,2})" + CITY + "(?:\\s+\\d{1,2}(?![\\p{L}\\p{N}]))?(?:,?\\s+" + UK_POSTCODE + ")?)"
                    + ")", Pattern.UNICODE_CASE);
    private static final Pattern LEFT_CONTEXT = Pattern.compile(
            "(?:(?:\\d{6},\\s*)?(?:(?:г\\.|город|обл\\.|пос\\.)\\s*\\p{Lu}[\\p{L}\\-]+(?:\\s\\p{Lu}[\\p{L}\\-]+)?,\\s*)+"
                    + "|\\p{Lu}[\\p{L}]+\\s(?:ş\\.|şəhəri|r\\.|rayonu),\\s*"
                    + "|(?i:flat|apt\\.?|apartment|unit|suite|house|hse\\.?|room)\\s*[\\p{L}\\d]{1,4},\\s*)$");
    /** Words after a number that make it a quantity, a price or a time rather than a house number. */
    private static final Set<String> NOT_HOUSE_NUMBER = Set.of("€", "eur", "euro", "euros", "$", "%", "km", "m", "min",
            "mins", "minutos", "minuti", "minutes", "h", "hrs", "horas", "hours", "ore", "heures", "años", "anni", "anos",
            "ans", "years", "kg", "gb", "x", "veces", "volte", "vezes", "fois", "mal", "pm", "am", "hs", "uhr", "руб",
            "лет", "мин", "rm", "ksh", "azn", "manat", "reais", "personas", "persone", "pessoas", "people", "mil", "k",
            "followers", "seguidores", "likes", "dias", "días", "giorni", "jours", "days", "tage", "semanas", "meses");
    /** Short street words that are also ordinary words ("via", "am"): the street name after them must be capitalised. */
    private static final int AMBIGUOUS_KEYWORD_LETTERS = 3;
    private static final Set<String> UNAMBIGUOUS_SHORT = Set.of("rue", "rua", "ул", "ул.", "c/", "av.", "jln", "jln.",
            "küç.", "kuc.", "pza", "pza.", "tmn", "tmn.", "lrg", "lrg.", "c.so", "v.le");
    /** Characters that introduce a Chinese address but are not part of one: 在 at, 住 live, 是 is, 址 address, 的 of. */
    private static final String CJK_LEAD_INS = "在住是址的到去：:";
    /** English street types that are also everyday words ("her place", "on the way"): only after a capitalised name. */
    private static final Set<String> COMMON_WORD_SUFFIXES = Set.of("place", "way", "close", "court", "square", "drive",
            "estate", "terrace", "lane", "road", "street", "avenue", "crescent", "highway", "st", "st.", "ave", "ave.", "dr.");
    private static final Pattern ORDINAL_STREET = Pattern.compile("(?i)\\d{1,3}(?:st|nd|rd|th)");
    private static final int MAX_LENGTH = 140;
    private static final int MAX_TAIL_PARTS = 6;
    /** Place names after the street ("Vila Mariana, São Paulo"): more would be the sentence going on. */
    private static final int MAX_CITY_PARTS = 2;
    private static final double BASE_CONFIDENCE = 0.75;

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        boolean anchors = ctx.has(CueKind.STREET_BEFORE) || ctx.has(CueKind.STREET_AFTER);
        if (!anchors || (ctx.digitCount() == 0 && !ctx.hasIdeographs())) {
            return;
        }
        String text = ctx.text();
        List<int[]> spans = new ArrayList<>();
        for (PhraseHit h : ctx.hits(CueKind.STREET_BEFORE)) {
            int[] span = prefixStreet(text, h);
            if (span != null) {
                spans.add(span);
            }
        }
        for (PhraseHit h : ctx.hits(CueKind.STREET_AFTER)) {
            int[] span = PhraseMatcher.isIdeographic(text.charAt(h.start())) ? cjkStreet(text, h) : suffixStreet(text, h);
            if (span != null) {
                spans.add(span);
            }
        }
        List<Finding> found = new ArrayList<>();
        spans.sort((a, b) -> a[0] != b[0] ? Integer.compare(a[0], b[0]) : Integer.compare(b[1], a[1]));
        for (int[] span : spans) {
            int start = extendLeft(text, span[0]);
            int end = extendRight(text, span[1]);
            if (end - start > MAX_LENGTH || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
                continue;
            }
            int trimmed = end;
            while (trimmed > start && ".,;:".indexOf(text.charAt(trimmed - 1)) >= 0) {
                trimmed--;
            }
            String surface = text.substring(start, trimmed);
            double confidence = BASE_CONFIDENCE + (surface.matches("(?s).*\\d{4,6}.*") ? 0.1 : 0.0)
                    + (ctx.nearestBefore(start, 24, CueKind.RESIDENCE).isPresent() ? 0.05 : 0.0);
            String normalised = TextFolding.fold(surface).replaceAll("[\\p{Punct}\\s]+", " ").strip();
            found.add(new Finding(EntityType.ADDRESS, start, trimmed, confidence, "street", normalised, Masking.words(surface)));
        }
        out.addAll(found);
    }

    private static int[] prefixStreet(String text, PhraseHit h) {
        String keyword = h.phrase().text();
        int start = h.start();
        boolean numberBefore = false;
        Matcher before = NUMBER_BEFORE.matcher(text.substring(Math.max(0, start - 16), start));
        if (before.find()) {
            start = start - (before.end() - before.start());
            numberBefore = true;
        }
        String rest = text.substring(h.end());
        if (keyword.contains("box") || keyword.contains("s.l.p") || keyword.contains("sanduku")) {
            Matcher box = BOX_NUMBER.matcher(rest);
            return box.find() ? new int[]{h.start(), h.end() + box.end()} : null;
        }
        boolean ambiguous = keyword.replaceAll("[^\\p{L}]", "").length() <= AMBIGUOUS_KEYWORD_LETTERS
                && !UNAMBIGUOUS_SHORT.contains(keyword);
        Matcher m = AFTER_PREFIX.matcher(rest);
        if (m.lookingAt() && !isQuantity(rest, m.end()) && nameAcceptable(m.group(1), ambiguous)
                && !m.group(1).contains("\n")) {
            return new int[]{start, h.end() + m.end()};
        }
        Matcher n = NAME_ONLY.matcher(rest);
        if (n.lookingAt() && nameAcceptable(n.group(1), ambiguous) && !n.group(1).contains("\n")) {
            int end = trimTrailingLowercaseWords(text, h.end() + n.start(1), h.end() + n.end());
            if (numberBefore || hasLocatingTail(text, end)) {
                return new int[]{start, end};
            }
        }
        return null;
    }

    private static int[] suffixStreet(String text, PhraseHit h) {
        String keyword = h.phrase().text();
        if ((keyword.equals("st") || keyword.equals("st.")) && h.end() + 1 < text.length()
                && text.charAt(h.end()) == ' ' && Character.isUpperCase(text.charAt(h.end() + 1))) {
            return null; // "St Aidan's", "St. Mary's": Saint, not Street
        }
        int nameStart = h.start();
        if (!h.phrase().wordStart()) {
            while (nameStart > 0 && (Character.isLetter(text.charAt(nameStart - 1)) || text.charAt(nameStart - 1) == '-')) {
                nameStart--;
            }
        }
        // Up to three capitalised words before the street type belong to its name ("Karl Marx Straße"); in a
        // lower-case chat message, one word does ("nizami küçəsi 45").
        int words = 0;
        int cursor = nameStart;
        while (words < 3) {
            int wEnd = cursor;
            while (wEnd > 0 && text.charAt(wEnd - 1) == ' ') {
                wEnd--;
            }
            int wStart = wEnd;
            while (wStart > 0 && (Character.isLetterOrDigit(text.charAt(wStart - 1)) || text.charAt(wStart - 1) == '-')) {
                wStart--;
            }
            if (wEnd == cursor || wStart == wEnd) {
                break;
            }
            // "W 42nd Ave": numbered streets and their compass prefix are part of the name.
            String word = text.substring(wStart, wEnd);
            if (ORDINAL_STREET.matcher(word).matches()) {
                nameStart = wStart;
                cursor = wStart;
                words++;
                continue;
            }
            if (Character.isDigit(text.charAt(wStart))) {
                break;
            }
            if (!Character.isUpperCase(text.charAt(wStart))) {
                if (words == 0 && nameStart == h.start() && !COMMON_WORD_SUFFIXES.contains(h.phrase().text())) {
                    nameStart = wStart;
                }
                break;
            }
            nameStart = wStart;
            cursor = wStart;
            words++;
        }
        if (nameStart == h.start() && h.phrase().wordStart()) {
            return null;
        }
        String rest = text.substring(h.end());
        Matcher after = NUMBER_AFTER_SUFFIX.matcher(rest);
        if (after.find() && !isQuantity(rest, after.end())) {
            return new int[]{nameStart, h.end() + after.end()};
        }
        Matcher before = NUMBER_BEFORE.matcher(text.substring(Math.max(0, nameStart - 16), nameStart));
        if (before.find()) {
            return new int[]{nameStart - (before.end() - before.start()), h.end()};
        }
        return hasLocatingTail(text, h.end()) ? new int[]{nameStart, h.end()} : null;
    }

    private static int[] cjkStreet(String text, PhraseHit h) {
        int start = h.start();
        while (start > 0 && h.start() - start < 24 && (PhraseMatcher.isIdeographic(text.charAt(start - 1))
                || Character.isDigit(text.charAt(start - 1)))) {
            start--;
        }
        // "她住在北京市…": the address starts after the verb or particle that introduces it.
        for (int i = h.start() - 1; i >= start; i--) {
            if (CJK_LEAD_INS.indexOf(text.charAt(i)) >= 0) {
                start = i + 1;
                break;
            }
        }
        Matcher m = CJK_NUMBER.matcher(text.substring(h.end()));
        if (start == h.start() || !m.find()) {
            return null;
        }
        return new int[]{start, h.end() + m.end()};
    }

    private static int extendLeft(String text, int start) {
        Matcher m = LEFT_CONTEXT.matcher(text.substring(Math.max(0, start - 48), start));
        return m.find() ? start - (m.end() - m.start()) : start;
    }

    /** A street without a house number is an address when a postcode or a flat, house or plot number follows it. */
    private static boolean hasLocatingTail(String text, int end) {
        int parts = 0;
        while (parts < MAX_TAIL_PARTS && end < text.length()) {
            Matcher m = TAIL.matcher(text);
            m.region(end, text.length());
            m.useTransparentBounds(true);
            if (!m.lookingAt() || m.group().contains("\n")) {
                return false;
            }
            if ((m.group("postcode") != null && !isQuantity(text, m.end("postcode")))
                    || (m.group("unit") != null && m.group("unit").chars().anyMatch(Character::isDigit))
                    || m.group("city") != null) {
                return true;
            }
            end = m.end();
            parts++;
        }
        return false;
    }

    private static int extendRight(String text, int end) {
        int parts = 0;
        int cities = 0;
        while (parts < MAX_TAIL_PARTS && end < text.length()) {
            Matcher m = TAIL.matcher(text);
            m.region(end, text.length());
            m.useTransparentBounds(true);
            m.useAnchoringBounds(true);
            if (!m.lookingAt() || m.group().contains("\n")) {
                break;
            }
            if (m.group("postcode") != null && isQuantity(text, m.end("postcode"))) {
                break;
            }
            end = m.end();
            parts++;
            if (m.group("city") != null && ++cities >= MAX_CITY_PARTS) {
                break;
            }
        }
        return end;
    }

    /** Articles and prepositions that may open a street name before its capitalised part ("Via dei Mille"). */
    private static final Set<String> NAME_CONNECTORS = Set.of("de", "del", "della", "delle", "dei", "degli", "di", "da",
            "do", "das", "dos", "du", "des", "la", "le", "les", "los", "las", "el", "der", "den", "am");

    private static boolean nameAcceptable(String name, boolean ambiguousKeyword) {
        if (!ambiguousKeyword) {
            return true;
        }
        for (String token : name.strip().split("\\s+")) {
            if (!token.isEmpty() && !NAME_CONNECTORS.contains(token)) {
                char first = token.charAt(0);
                return Character.isUpperCase(first) || Character.isDigit(first);
            }
        }
        return false;
    }

    private static boolean isQuantity(String s, int at) {
        int i = at;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        int j = i;
        while (j < s.length() && !Character.isWhitespace(s.charAt(j)) && ",.;:!?)".indexOf(s.charAt(j)) < 0) {
            j++;
        }
        if (j == i && i < s.length()) {
            j = i + 1;
        }
        return i < s.length() && NOT_HOUSE_NUMBER.contains(TextFolding.fold(s.substring(i, j)));
    }

    /** "21 rue Nationale et puis" keeps "21 rue Nationale": lower-case words after the name are the sentence again. */
    private static int trimTrailingLowercaseWords(String text, int nameStart, int end) {
        String name = text.substring(nameStart, end);
        String[] words = name.split("\\s+");
        int keep = words.length;
        while (keep > 1 && !words[keep - 1].isEmpty() && Character.isLowerCase(words[keep - 1].charAt(0))) {
            keep--;
        }
        int cut = nameStart;
        for (int i = 0; i < keep; i++) {
            cut = text.indexOf(words[i], cut) + words[i].length();
        }
        return keep == words.length ? end : cut;
    }
}
