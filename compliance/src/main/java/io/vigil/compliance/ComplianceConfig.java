package io.vigil.compliance;

import io.vigil.compliance.appeals.AppealPolicy;
import io.vigil.compliance.ncmec.NcmecSettings;
import io.vigil.compliance.statements.StatementPolicy;
import io.vigil.compliance.statements.StatementSamples;
import io.vigil.compliance.tdb.TransparencyDatabaseSettings;
import io.vigil.runtime.auth.AuthSettings;
import io.vigil.runtime.config.Checks;
import io.vigil.runtime.config.HttpSettings;
import io.vigil.runtime.config.KafkaSettings;
import io.vigil.runtime.config.ServiceConfig;
import io.vigil.runtime.config.Validatable;

import java.util.List;

/** The compliance service's configuration; defaults in compliance.yaml. */
public record ComplianceConfig(KafkaSettings kafka, HttpSettings http, AuthSettings auth, Memory memory, Notices notices, AppealPolicy appeals,
                               StatementPolicy statements,
                               TransparencyDatabaseSettings transparencyDatabase, NcmecSettings ncmec, Media media)
        implements ServiceConfig {

    /** @param redress what a notifier is told they can do about the decision on their notice */
    public record Notices(String redress) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(redress, "redress").problems();
        }
    }

    /**
     * @param itemDays      how long a queue item is remembered for the statement and report of its decision
     * @param statementDays how long a statement is remembered for the reversal an appeal may bring
     */
    public record Memory(int itemDays, int statementDays) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().positive(itemDays, "item-days").positive(statementDays, "statement-days").problems();
        }
    }

    /** Where the reported media are, for the upload to NCMEC (file: URIs under blob-root). */
    public record Media(String blobRoot, long maxBlobBytes) implements Validatable {
        @Override
        public List<String> problems() {
            return new Checks().notBlank(blobRoot, "blob-root").positive(maxBlobBytes, "max-blob-bytes").problems();
        }
    }

    @Override
    public List<String> problems() {
        Checks checks = new Checks().nested(kafka, "kafka").nested(http, "http").nested(auth, "auth").nested(memory, "memory")
                .nested(notices, "notices").nested(appeals, "appeals")
                .nested(statements, "statements").nested(transparencyDatabase, "transparency-database")
                .nested(ncmec, "ncmec").nested(media, "media");
        if (statements != null && statements.problems().isEmpty()) {
            // Every category with every restriction, drafted and checked as the database would check it.
            StatementSamples.problems(statements).forEach(p -> checks.require(false, "statements", p));
        }
        return checks.problems();
    }
}
