package io.vigil.enricher.cases;

import io.vigil.schemas.PersonalDataType;

/**
 * A node of the victim-case union-find: a media cluster (her image and its copies) or a keyed identifier (her
 * number, e-mail, handle). Strong nodes link items on their own; weak ones only when enough of them agree.
 */
public record CaseNode(String key, Kind kind) {

    public enum Kind { CLUSTER, STRONG_IDENTIFIER, WEAK_IDENTIFIER }

    public static CaseNode cluster(String clusterId) {
        return new CaseNode("c:" + clusterId, Kind.CLUSTER);
    }

    public static CaseNode identifier(PersonalDataType type, String keyedHash, boolean strong) {
        return new CaseNode("i:" + type.name() + ":" + keyedHash, strong ? Kind.STRONG_IDENTIFIER : Kind.WEAK_IDENTIFIER);
    }

    public boolean isIdentifier() {
        return kind != Kind.CLUSTER;
    }

    /** The keyed hash of an identifier node (what a benign-identifier list names). */
    public String keyedHash() {
        return key.substring(key.lastIndexOf(':') + 1);
    }
}
