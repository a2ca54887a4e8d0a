package io.vigil.enricher.policy;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/enricher-memory.md names every fact a rule can test and every placeholder a reason can use. */
class PolicyDocumentationTest {

    @Test
    void everyFactAndPlaceholderIsDocumented() throws Exception {
        String docs = Files.readString(Path.of("..", "docs", "enricher-memory.md"));

        assertThat(Arrays.stream(Field.values()).map(Field::key))
                .allSatisfy(key -> assertThat(docs).as("fact %s", key).contains("`" + key + "`"));
        for (Scope scope : Scope.values()) {
            assertThat(Placeholders.namesIn(scope)).allSatisfy(name -> assertThat(docs).as("placeholder %s", name)
                    .containsAnyOf("`{" + name + "}`", "`" + name + "`"));
        }
    }
}
