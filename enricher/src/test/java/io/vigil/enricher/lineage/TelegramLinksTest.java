package io.vigil.enricher.lineage;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramLinksTest {

    @Test
    void invitesAndUsernamesHaveOneCanonicalForm() {
        assertThat(TelegramLinks.canonical("t.me/joinchat/AbC123xyz")).contains("https://t.me/+AbC123xyz");
        assertThat(TelegramLinks.canonical("https://telegram.me/+AbC123xyz")).contains("https://t.me/+AbC123xyz");
        assertThat(TelegramLinks.canonical("HTTPS://T.ME/ChicasMadrid/1234")).contains("https://t.me/chicasmadrid");
        assertThat(TelegramLinks.ofUsername("@ChicasMadrid")).contains("https://t.me/chicasmadrid");
        assertThat(TelegramLinks.canonical("https://example.com/+AbC")).isEmpty();
    }
}
