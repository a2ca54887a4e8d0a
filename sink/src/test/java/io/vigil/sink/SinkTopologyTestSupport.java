package io.vigil.sink;

/** The sink's default configuration with the two settings every deployment must bring (issuer, peer secret). */
public final class SinkTopologyTestSupport {

    private SinkTopologyTestSupport() {
    }

    public static SinkConfig config() {
        return SinkTopologyTest.config();
    }
}
