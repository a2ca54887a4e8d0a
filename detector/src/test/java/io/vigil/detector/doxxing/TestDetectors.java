package io.vigil.detector.doxxing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** One shared detector for the tests: building the lexicon automaton once keeps the suite fast. */
public final class TestDetectors {

    public static final byte[] SECRET = "test-secret-for-unit-tests-only".getBytes(StandardCharsets.UTF_8);
    public static final DoxxingDetector DETECTOR = DoxxingDetector.create(DoxxingConfig.defaults(SECRET));

    private TestDetectors() {
    }

    public static TextScan scan(String text, String country) {
        return DETECTOR.scan(text, Optional.ofNullable(country), false);
    }

    /** The surface strings of the entities of one type, for readable assertions on synthetic test text. */
    public static List<String> found(String text, String country, EntityType type) {
        return scan(text, country).entities().stream().filter(e -> e.type() == type)
                .map(e -> text.substring(e.start(), e.end())).toList();
    }
}
