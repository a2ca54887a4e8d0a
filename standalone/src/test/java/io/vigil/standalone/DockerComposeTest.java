package io.vigil.standalone;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.vigil.detector.DetectorConfig;
import io.vigil.enricher.EnricherConfig;
import io.vigil.runtime.config.ConfigLoader;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.sink.SinkConfig;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the production-like deployment without a Docker engine: the compose file against the Compose
 * Specification's schema, and against Vigil itself (every VIGIL_ variable is a real, valid setting; every image's
 * entry point exists; the KRaft quorum and Prometheus' targets agree with the services).
 */
class DockerComposeTest {

    private static final Path DOCKER = Path.of("..", "docker");
    private static final Map<String, Class<? extends ServiceConfig>> SERVICES =
            Map.of("detector", DetectorConfig.class, "enricher", EnricherConfig.class, "sink", SinkConfig.class);

    @SuppressWarnings("unchecked")
    private static Map<String, Object> compose() throws Exception {
        try (InputStream in = Files.newInputStream(DOCKER.resolve("compose.yaml"))) {
            return new Yaml().load(in);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    private static JsonSchema composeSpecification() {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(SchemaLocation.of("classpath:docker/compose-spec.json"));
    }

    @Test
    void composeFileFollowsTheComposeSpecification() throws Exception {
        Set<ValidationMessage> problems = composeSpecification().validate(new ObjectMapper().valueToTree(compose()));

        assertThat(problems).isEmpty();
    }

    @Test
    void theSpecificationCheckDoesCatchAMistake() throws Exception {
        Map<String, Object> broken = compose();
        service(broken, "sink").put("depends_on", 5);
        service(broken, "sink").put("restart", List.of("always"));

        Set<ValidationMessage> problems = composeSpecification().validate(new ObjectMapper().valueToTree(broken));

        assertThat(problems).extracting(ValidationMessage::getInstanceLocation).map(Object::toString)
                .contains("$.services.sink.depends_on", "$.services.sink.restart");
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyVigilVariableIsARealSettingAndTheResultIsValid() throws Exception {
        Map<String, Object> compose = compose();
        for (var entry : SERVICES.entrySet()) {
            Map<String, String> env = new HashMap<>();
            ((Map<String, Object>) service(compose, entry.getKey()).get("environment"))
                    .forEach((k, v) -> env.put(k, interpolate(String.valueOf(v))));
            // The image sets the state directory itself (see its Dockerfile).
            env.put("VIGIL_KAFKA_STATE_DIR", "/var/lib/vigil/state");

            ServiceConfig config = ConfigLoader.forService(entry.getKey()).environment(env).load(entry.getValue());

            assertThat(config.kafka().bootstrapServers()).isEqualTo("kafka-1:9092,kafka-2:9092,kafka-3:9092");
            assertThat(config.kafka().replicationFactor()).isEqualTo(3);
        }
    }

    /** What an operator sets for each ${NAME:?message} of the compose file, as samples. */
    private static final Map<String, String> REQUIRED_SAMPLES = Map.of(
            "VIGIL_DOXXING_HMAC_SECRET", "sample-deployment-secret-0123456789",
            "VIGIL_AUTH_OIDC_ISSUER", "https://id.example.org/realms/safety",
            "VIGIL_AUTH_PEER_SECRET", "sample-peer-secret-0123456789abcdef0123");

    private static ServiceConfig defaults(String service) {
        // The detector has no default secret, the sink no default identity provider: every deployment brings its own.
        return ConfigLoader.forService(service).environment(REQUIRED_SAMPLES).strictEnvironment(false).load(SERVICES.get(service));
    }

    /** What docker compose does with ${NAME:?message}: the operator's value, here a sample one. */
    private static String interpolate(String value) {
        Matcher required = Pattern.compile("\\$\\{(\\w+):\\?[^}]*}").matcher(value);
        if (!required.matches()) {
            assertThat(value).as("only required variables are interpolated").doesNotContain("${");
            return value;
        }
        assertThat(REQUIRED_SAMPLES).containsKey(required.group(1));
        return REQUIRED_SAMPLES.get(required.group(1));
    }

    @Test
    void everyImageRunsAServiceThatExistsOnTheDeclaredPort() throws Exception {
        Pattern entryPoint = Pattern.compile("ENTRYPOINT \\[\"java\", \"-cp\", \"/app/lib/\\*\", \"([\\w.]+)\"]");
        Pattern exposed = Pattern.compile("EXPOSE (\\d+)");
        for (String name : SERVICES.keySet()) {
            String dockerfile = Files.readString(DOCKER.resolve(name).resolve("Dockerfile"));
            Matcher main = entryPoint.matcher(dockerfile);
            Matcher port = exposed.matcher(dockerfile);
            assertThat(main.find()).as("%s Dockerfile has a java entry point", name).isTrue();
            assertThat(port.find()).isTrue();

            assertThat(Class.forName(main.group(1)).getMethod("main", String[].class)).isNotNull();
            ServiceConfig defaults = defaults(name);
            assertThat(Integer.parseInt(port.group(1))).as("%s port", name).isEqualTo(defaults.http().port());
            assertThat(dockerfile).contains("RUN docker/build-service.sh " + name);
            assertThat(Path.of("..", name, "pom.xml")).as("the module the image builds").isRegularFile();
        }
    }

    @Test
    void theImagesSharedBuildStepsAreExecutableScripts() {
        assertThat(DOCKER.resolve("build-service.sh")).isExecutable();
        assertThat(DOCKER.resolve("prepare-runtime.sh")).isExecutable();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theThreeKafkaNodesFormOneQuorumAndAdvertiseThemselves() throws Exception {
        Map<String, Object> compose = compose();
        for (int node = 1; node <= 3; node++) {
            Map<String, Object> env = (Map<String, Object>) service(compose, "kafka-" + node).get("environment");
            assertThat(env.get("KAFKA_NODE_ID")).isEqualTo(Integer.toString(node));
            assertThat(env.get("KAFKA_CONTROLLER_QUORUM_VOTERS")).isEqualTo("1@kafka-1:9093,2@kafka-2:9093,3@kafka-3:9093");
            assertThat(env.get("KAFKA_ADVERTISED_LISTENERS")).isEqualTo("PLAINTEXT://kafka-" + node + ":9092");
            assertThat(service(compose, "kafka-" + node).get("image")).isEqualTo("apache/kafka:4.3.1");
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void prometheusScrapesEveryServiceOnItsPort() throws Exception {
        Map<String, Object> prometheus;
        try (InputStream in = Files.newInputStream(DOCKER.resolve("prometheus/prometheus.yml"))) {
            prometheus = new Yaml().load(in);
        }
        Map<String, Integer> scraped = new HashMap<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            for (Map<String, Object> sd : (List<Map<String, Object>>) job.get("dns_sd_configs")) {
                ((List<String>) sd.get("names")).forEach(n -> scraped.put(n, (Integer) sd.get("port")));
            }
        }
        for (String name : SERVICES.keySet()) {
            int port = defaults(name).http().port();
            assertThat(scraped).containsEntry(name, port);
        }
    }
}
