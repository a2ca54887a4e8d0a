package io.vigil.ingest.telegram.links;

import io.vigil.schemas.TextEntity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramLinksTest {

    @Test
    void inviteAndChatLinksAreFoundInEverySpellingAndNormalised() {
        String text = "nuevo: t.me/+AbC_d-9 viejo https://telegram.me/joinchat/XyZ123 canal T.ME/Canal_Backup "
                + "app tg://join?invite=QwErTy y http://telegram.dog/otro_canal.";

        assertThat(TelegramLinks.find(text, List.of())).containsExactly("https://t.me/+AbC_d-9", "https://t.me/joinchat/XyZ123",
                "https://t.me/canal_backup", "https://t.me/otro_canal", "https://t.me/+QwErTy");
    }

    @Test
    void textLinksCountAndOtherSitesDoNot() {
        TextEntity link = TextEntity.newBuilder().setType("text_link").setOffset(0).setLength(4).setUrl("https://t.me/+Hidden1").build();

        assertThat(TelegramLinks.find("aquí https://example.org/t.me", List.of(link))).containsExactly("https://t.me/+Hidden1");
        assertThat(TelegramLinks.normalise("example.org")).isNull();
    }
}
