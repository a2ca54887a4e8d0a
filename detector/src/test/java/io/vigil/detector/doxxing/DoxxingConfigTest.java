package io.vigil.detector.doxxing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DoxxingConfigTest {

    @Test
    void bundledDefaultsAreValid() {
        DoxxingConfig c = DoxxingConfig.defaults(TestDetectors.SECRET);
        assertThat(c.threshold()).isBetween(0.0, 1.0);
        assertThat(c.imageWindow()).isEqualTo(Duration.ofMinutes(10));
        assertThat(c.followsImage(1_000, 1_000 + 60_000)).isTrue();
        assertThat(c.followsImage(1_000, 1_000 + 11 * 60_000)).isFalse();
        assertThat(c.followsImage(2_000, 1_000)).isFalse();
    }

    @Test
    void overridesKeepTheRestAndBadValuesAreNamed(@TempDir Path dir) throws Exception {
        Path ok = Files.writeString(dir.resolve("ok.yaml"), "threshold: 0.7\nimageWindow: PT2M\n");
        DoxxingConfig c = DoxxingConfig.load(ok, TestDetectors.SECRET);
        assertThat(c.threshold()).isEqualTo(0.7);
        assertThat(c.imageWindow()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.weights()).isEqualTo(DoxxingConfig.defaults(TestDetectors.SECRET).weights());

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "threshold: 1.5\n");
        assertThatThrownBy(() -> DoxxingConfig.load(bad, TestDetectors.SECRET)).hasMessageContaining("threshold");
        Path window = Files.writeString(dir.resolve("w.yaml"), "imageWindow: ten minutes\n");
        assertThatThrownBy(() -> DoxxingConfig.load(window, TestDetectors.SECRET)).hasMessageContaining("imageWindow");
        assertThatThrownBy(() -> DoxxingConfig.defaults(new byte[4])).hasMessageContaining("hmacSecret");
    }
}
