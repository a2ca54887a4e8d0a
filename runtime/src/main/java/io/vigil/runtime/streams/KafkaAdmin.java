package io.vigil.runtime.streams;

import io.vigil.runtime.config.KafkaSettings;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.util.HashMap;
import java.util.Map;

/** An admin client for a service's cluster, with the security settings (TLS, SASL) its Streams clients use. */
public final class KafkaAdmin {

    private KafkaAdmin() {
    }

    public static Admin create(KafkaSettings kafka) {
        Map<String, Object> config = new HashMap<>();
        kafka.extra().forEach((key, value) -> {
            if (AdminClientConfig.configNames().contains(key)) {
                config.put(key, value);
            }
        });
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
        return Admin.create(config);
    }
}
