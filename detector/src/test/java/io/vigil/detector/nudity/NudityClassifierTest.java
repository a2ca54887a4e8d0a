package io.vigil.detector.nudity;

import io.vigil.detector.media.ExifOrientation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The default model (NSFWJS MobileNetV2 imported at build time) behind the classifier API. */
class NudityClassifierTest {

    private static NudityClassifier classifier;
    private static List<BufferedImage> images;

    @BeforeAll
    static void open() {
        classifier = NudityClassifier.openDefault(RuntimeOptions.cpu());
        images = List.of(
                SyntheticImages.read(SyntheticImages.fixture("photo_like_640x480.jpg")),
                SyntheticImages.read(SyntheticImages.fixture("shapes_palette_640x640.gif")),
                SyntheticImages.read(SyntheticImages.fixture("sticker_600x600.webp")),
                SyntheticImages.landscape(500, 300, BufferedImage.TYPE_3BYTE_BGR),
                SyntheticImages.textCard());
    }

    @AfterAll
    static void close() {
        classifier.close();
    }

    @Test
    void scoresTheFiveNsfwjsClassesAndMapsThemOntoCategories() {
        NudityScores scores = classifier.classify(images.get(0), ExifOrientation.TOP_LEFT);
        assertThat(scores.modelId()).isEqualTo("nsfwjs-mobilenet-v2@4.4.0");
        assertThat(scores.classScores()).containsOnlyKeys("drawing", "hentai", "neutral", "porn", "sexy");
        assertThat(scores.classScores().keySet()).containsExactly("drawing", "hentai", "neutral", "porn", "sexy");
        double sum = scores.classScores().values().stream().mapToDouble(Float::doubleValue).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-5));
        assertThat(scores.explicitNudity()).isEqualTo(scores.classScores().get("porn") + scores.classScores().get("hentai"));
        assertThat(scores.categoryScores().get(NudityCategory.DRAWN_ANIMATED))
                .isEqualTo(scores.classScores().get("drawing") + scores.classScores().get("hentai"));
        assertThat(scores.categoryScores().get(NudityCategory.NEUTRAL)).isEqualTo(scores.classScores().get("neutral"));
        for (NudityCategory category : scores.flagged()) {
            assertThat((double) scores.categoryScores().get(category))
                    .isGreaterThanOrEqualTo(classifier.descriptor().categoryRules().get(category).threshold());
        }
        assertThat(classifier.executionProvider()).isEqualTo(ExecutionProvider.CPU);
    }

    @Test
    void aBatchScoresLikeSingleImages() {
        List<NudityClassifier.Input> inputs = images.stream().map(image -> new NudityClassifier.Input(image, ExifOrientation.TOP_LEFT)).toList();
        List<NudityScores> batched = classifier.classifyAll(inputs);
        for (int i = 0; i < images.size(); i++) {
            NudityScores single = classifier.classify(images.get(i), ExifOrientation.TOP_LEFT);
            for (String name : single.classScores().keySet()) {
                assertThat(batched.get(i).classScores().get(name)).as("image %d, %s", i, name)
                        .isCloseTo(single.classScores().get(name), within(1e-5f));
            }
        }
    }

    @Test
    void aPhoneStoredSidewaysScoresAsShownUpright() {
        BufferedImage upright = SyntheticImages.landscape(480, 320, BufferedImage.TYPE_INT_RGB);
        NudityScores expected = classifier.classify(upright, ExifOrientation.TOP_LEFT);
        NudityScores rotated = classifier.classify(SyntheticImages.storedForOrientation(upright, ExifOrientation.RIGHT_TOP), ExifOrientation.RIGHT_TOP);
        assertThat(rotated.classScores()).isEqualTo(expected.classScores());
    }

    @Test
    void oneSessionServesConcurrentThreadsAndOtherClassifiersOfTheSameModel() throws Exception {
        List<NudityScores> sequential = new ArrayList<>();
        for (BufferedImage image : images) {
            sequential.add(classifier.classify(image, ExifOrientation.TOP_LEFT));
        }
        int sessionsBefore = SharedSessions.openSessions();
        try (NudityClassifier second = NudityClassifier.openDefault(RuntimeOptions.cpu())) {
            assertThat(SharedSessions.openSessions()).as("the same model and settings reuse the session").isEqualTo(sessionsBefore);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<NudityScores>> futures = new ArrayList<>();
                for (int round = 0; round < 4; round++) {
                    for (int i = 0; i < images.size(); i++) {
                        BufferedImage image = images.get(i);
                        NudityClassifier which = (round + i) % 2 == 0 ? classifier : second;
                        futures.add(pool.submit(() -> which.classify(image, ExifOrientation.TOP_LEFT)));
                    }
                }
                for (int k = 0; k < futures.size(); k++) {
                    assertThat(futures.get(k).get().classScores()).isEqualTo(sequential.get(k % images.size()).classScores());
                }
            } finally {
                pool.shutdown();
            }
        }
        assertThat(SharedSessions.openSessions()).as("closing one user keeps the session for the other").isEqualTo(sessionsBefore);
        assertThat(classifier.classify(images.get(0), ExifOrientation.TOP_LEFT).classScores()).isEqualTo(sequential.get(0).classScores());
    }

    @Test
    void cudaFallsBackToTheCpuAndSaysSo() {
        try (NudityClassifier cuda = NudityClassifier.openDefault(RuntimeOptions.cpu().withProvider(ExecutionProvider.CUDA))) {
            // This build of ONNX Runtime (the CPU artifact) has no CUDA provider.
            assertThat(cuda.executionProvider()).isEqualTo(ExecutionProvider.CPU);
            assertThat(cuda.classify(images.get(3), ExifOrientation.TOP_LEFT).classScores()).isEqualTo(classifier.classify(images.get(3), ExifOrientation.TOP_LEFT).classScores());
        }
    }

    @Test
    void aClosedClassifierRefusesWork() {
        NudityClassifier closing = NudityClassifier.openDefault(RuntimeOptions.cpu().withIntraOpThreads(2));
        closing.close();
        closing.close();
        assertThatThrownBy(() -> closing.classify(images.get(0), ExifOrientation.TOP_LEFT)).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
        assertThat(classifier.classify(images.get(0), ExifOrientation.TOP_LEFT).classScores()).hasSize(5);
    }
}
