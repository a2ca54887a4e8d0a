package io.vigil.schemas.topics;

public enum CleanupPolicy {
    /** Keep records for the retention period: event streams. */
    DELETE("delete"),
    /** Keep the latest record per key forever: current state (group metadata, bank entries). */
    COMPACT("compact");

    private final String configValue;

    CleanupPolicy(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }
}
