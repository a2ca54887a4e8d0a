package io.vigil.enricher;

import io.vigil.enricher.scoring.ScoringPolicy;
import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;

import java.util.List;

/** The enricher's configuration; defaults in enricher.yaml. */
public record EnricherConfig(KafkaSettings kafka, HttpSettings http, ScoringPolicy scoring) implements ServiceConfig {

    @Override
    public List<String> problems() {
        return new Checks().nested(kafka, "kafka").nested(http, "http").nested(scoring, "scoring").problems();
    }
}
