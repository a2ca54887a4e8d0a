package io.vigil.compliance;

import io.vigil.runtime.config.ConfigException;
import io.vigil.runtime.config.ConfigLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ComplianceConfigTest {

    @TempDir
    Path dir;

    private ConfigLoader loader() {
        return Fixtures.loader();
    }

    @Test
    void theServiceNeedsItsIdentityProviderAndPeerSecret() {
        assertThatThrownBy(() -> ConfigLoader.forService("compliance").environment(Map.of()).load(ComplianceConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("auth.oidc.issuer: must be set")
                .hasMessageContaining("auth.peer-secret: must be set to a shared secret of at least 32 characters");
    }

    @Test
    void theDefaultsDraftValidStatementsForEveryCategoryAndRestriction() {
        ComplianceConfig config = Fixtures.defaults();

        assertThat(config.statements().categories()).containsKeys("default", "NCII", "CSAM", "DOXXING");
        assertThat(config.transparencyDatabase().enabled()).isFalse();
    }

    @Test
    void aKeywordTheDatabaseDoesNotKnowStopsTheServiceAtStartWithTheDatabasesMessage() {
        assertThatThrownBy(() -> loader().override("statements.categories.NCII.specifications", "KEYWORD_IMAGE_BASED_SEXUAL_ABUSE")
                .load(ComplianceConfig.class))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("statements: categories.NCII with restrictions.REMOVE_MESSAGE gives a statement the database refuses: "
                        + "category_specification: The selected category specification is invalid.");
    }

    @Test
    void aLegalGroundLongerThanTheDatabaseTakesIsRefusedAtStart() {
        assertThatThrownBy(() -> loader().override("statements.categories.CSAM.legal-ground", "x".repeat(501)).load(ComplianceConfig.class))
                .hasMessageContaining("illegal_content_legal_ground: The illegal content legal ground field must not be greater than 500 characters.");
    }

    @Test
    void aCountryOutsideTheEeaAndAnUnknownCategoryAreReported() {
        assertThatThrownBy(() -> loader().override("statements.territorial-scope", "DE,CH").load(ComplianceConfig.class))
                .hasMessageContaining("statements.territorial-scope: CH is not an EU/EEA country code");
    }

    @Test
    void submittingNeedsAnEndpointAndAReadableTokenAndLimitsWithinTheApis() throws Exception {
        assertThatThrownBy(() -> loader().override("transparency-database.enabled", "true")
                .override("transparency-database.batch-size", "101").override("transparency-database.max-requests-per-second", "500")
                .load(ComplianceConfig.class))
                .hasMessageContaining("transparency-database.endpoint: must be the API's http(s) base URL when enabled")
                .hasMessageContaining("transparency-database.token-file: must be a readable file holding the API token when enabled")
                .hasMessageContaining("transparency-database.batch-size: must be 1-100")
                .hasMessageContaining("transparency-database.max-requests-per-second: must be 1-200");

        Path token = Files.writeString(dir.resolve("token"), "X|secret\n");
        ComplianceConfig config = loader().override("transparency-database.enabled", "true")
                .override("transparency-database.endpoint", "https://tdb.example/api/v1")
                .override("transparency-database.token-file", token.toString()).load(ComplianceConfig.class);
        assertThat(config.transparencyDatabase().token()).isEqualTo("X|secret");
    }

    @Test
    void ncmecSubmissionNeedsItsEndpointCredentialsAndAYearsPreservation() {
        assertThatThrownBy(() -> loader().override("ncmec.enabled", "true").override("ncmec.preservation-days", "90")
                .override("ncmec.reporter.email", "").load(ComplianceConfig.class))
                .hasMessageContaining("ncmec.endpoint: must be the Reporting API's http(s) base URL when enabled")
                .hasMessageContaining("ncmec.username: must be set")
                .hasMessageContaining("ncmec.password-file: must be a readable file")
                .hasMessageContaining("ncmec.preservation-days: must be at least 365")
                .hasMessageContaining("ncmec.reporter.email: must be the reporting person's email address");
    }
}
