package io.vigil.detector.doxxing.recognizers;

import io.vigil.detector.doxxing.EntityType;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Geographic coordinates: decimal pairs with at least three decimals (about 100 m, the precision that points at a
 * building; prices and scores have two), hemisphere-lettered pairs, degrees-minutes-seconds, and map links.
 */
public final class GeoRecognizer implements Recognizer {

    private static final Pattern DECIMAL_PAIR = Pattern.compile(
            "(?<![\\d.])(-?\\d{1,2}\\.\\d{4,8})°?\\s*([NSns])?\\s*[,;/ ]\\s*(-?\\d{1,3}\\.\\d{4,8})°?\\s*([EWOewo])?(?![\\d.])");
    private static final Pattern DMS = Pattern.compile(
            "(\\d{1,2})°\\s*(\\d{1,2})['′]\\s*(\\d{1,2}(?:[.,]\\d+)?)(?:\"|″|'')?\\s*([NSns])[\\s,]*"
                    + "(\\d{1,3})°\\s*(\\d{1,2})['′]\\s*(\\d{1,2}(?:[.,]\\d+)?)(?:\"|″|'')?\\s*([EWOewo])");
    private static final Pattern MAP_LINK = Pattern.compile(
            "(?i)(?:https?://)?(?:www\\.)?(?:maps\\.google\\.[a-z.]+|google\\.[a-z.]+/maps|goo\\.gl/maps|maps\\.app\\.goo\\.gl"
                    + "|yandex\\.[a-z]+/maps|2gis\\.[a-z]+|maps\\.apple\\.com|waze\\.com/ul|osm\\.org|openstreetmap\\.org)"
                    + "[^\\s<>\"')]*");
    private static final Pattern COORDS_IN_LINK = Pattern.compile("(-?\\d{1,2}\\.\\d{3,})\\s*,\\s*(-?\\d{1,3}\\.\\d{3,})");
    private static final double CONFIDENCE = 0.9;
    private static final double LINK_CONFIDENCE = 0.85;

    @Override
    public void find(ScanContext ctx, List<Finding> out) {
        String text = ctx.text();
        List<Finding> found = new ArrayList<>();
        if (text.indexOf('.') >= 0 && (text.contains("map") || text.contains("goo.gl") || text.contains("2gis")
                || text.contains("waze") || text.contains("osm"))) {
            Matcher m = MAP_LINK.matcher(text);
            while (m.find()) {
                Matcher c = COORDS_IN_LINK.matcher(m.group());
                String value = c.find() ? normalise(c.group(1), c.group(2)) : "link:" + m.group().toLowerCase(Locale.ROOT);
                found.add(new Finding(EntityType.GEO, m.start(), m.end(), LINK_CONFIDENCE, "map_link", value,
                        "map link " + host(m.group())));
            }
        }
        if (ctx.digitCount() < 6) {
            out.addAll(found);
            return;
        }
        Matcher m = DECIMAL_PAIR.matcher(text);
        while (m.find()) {
            double lat = Double.parseDouble(m.group(1));
            double lon = Double.parseDouble(m.group(3));
            if (m.group(2) != null && m.group(2).equalsIgnoreCase("s")) {
                lat = -Math.abs(lat);
            }
            if (m.group(4) != null && "wWoO".indexOf(m.group(4).charAt(0)) >= 0 && m.group(4).equalsIgnoreCase("w")) {
                lon = -Math.abs(lon);
            }
            add(found, m.start(), m.end(), lat, lon);
        }
        m = DMS.matcher(text);
        while (m.find()) {
            double lat = dms(m.group(1), m.group(2), m.group(3)) * (m.group(4).equalsIgnoreCase("s") ? -1 : 1);
            double lon = dms(m.group(5), m.group(6), m.group(7)) * (m.group(8).equalsIgnoreCase("w") ? -1 : 1);
            add(found, m.start(), m.end(), lat, lon);
        }
        out.addAll(found);
    }

    private static void add(List<Finding> found, int start, int end, double lat, double lon) {
        if (Math.abs(lat) > 90 || Math.abs(lon) > 180 || found.stream().anyMatch(f -> f.start() < end && start < f.end())) {
            return;
        }
        found.add(new Finding(EntityType.GEO, start, end, CONFIDENCE, "coordinates",
                normalise(Double.toString(lat), Double.toString(lon)),
                String.format(Locale.ROOT, "%.1f•, %.1f•", lat, lon)));
    }

    /** Rounded to four decimals (about 11 m) so that the same place written twice hashes the same. */
    private static String normalise(String lat, String lon) {
        return String.format(Locale.ROOT, "%.4f,%.4f", Double.parseDouble(lat), Double.parseDouble(lon));
    }

    private static double dms(String d, String m, String s) {
        return Integer.parseInt(d) + Integer.parseInt(m) / 60.0 + Double.parseDouble(s.replace(',', '.')) / 3600.0;
    }

    private static String host(String link) {
        String s = link.replaceFirst("(?i)^https?://", "").replaceFirst("(?i)^www\\.", "");
        int slash = s.indexOf('/');
        return slash > 0 ? s.substring(0, slash) : s;
    }
}
