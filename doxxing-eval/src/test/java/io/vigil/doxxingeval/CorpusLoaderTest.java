package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.EntityType;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusLoaderTest {

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CorpusLoaderTest.class.getClassLoader().getResource(name).toURI());
    }

    @Test
    void stripsMarkupAndComputesOffsetsInThePlainText() throws Exception {
        List<LabelledMessage> messages = new CorpusLoader().load(resource("doxxing/mini-corpus.jsonl"));

        assertThat(messages).hasSize(4);
        LabelledMessage first = messages.get(0);
        assertThat(first.text()).isEqualTo("su número es +34 612 34 56 78 escribidle");
        assertThat(first.entities()).containsExactly(new LabelledMessage.GoldSpan(EntityType.PHONE, 13, 29));
        assertThat(first.text().substring(13, 29)).isEqualTo("+34 612 34 56 78");
        assertThat(first.doxxing()).isTrue();
        assertThat(first.split()).isEqualTo("dev");

        LabelledMessage second = messages.get(1);
        assertThat(second.entities()).extracting(LabelledMessage.GoldSpan::type)
                .containsExactly(EntityType.PHONE, EntityType.EMAIL);
        LabelledMessage.GoldSpan email = second.entities().get(1);
        assertThat(second.text().substring(email.start(), email.end())).isEqualTo("shop@example.co.uk");

        LabelledMessage chinese = messages.get(2);
        assertThat(chinese.text().substring(chinese.entities().get(0).start(), chinese.entities().get(0).end()))
                .isEqualTo("138 0013 8000");
        assertThat(chinese.afterImage()).isTrue();
        assertThat(messages.get(3).entities()).isEmpty();
    }

    @Test
    void countsOffsetsInJavaCharsAcrossSupplementaryCharacters() {
        List<LabelledMessage.GoldSpan> spans = new ArrayList<>();
        String plain = CorpusLoader.strip("😂 ⟦SOCIAL_HANDLE|@ana⟧", spans);
        assertThat(plain).isEqualTo("😂 @ana");
        assertThat(spans.get(0).start()).isEqualTo(3);
        assertThat(plain.substring(spans.get(0).start(), spans.get(0).end())).isEqualTo("@ana");
    }

    @Test
    void rejectsMalformedMarkupWithFileAndLine() {
        String bad = "{\"id\":\"x\",\"lang\":\"es\",\"split\":\"dev\",\"doxxing\":true,\"text\":\"⟦PHONE 612⟧\"}\n";
        assertThatThrownBy(() -> new CorpusLoader().read(new StringReader(bad), "bad.jsonl"))
                .hasMessageContaining("bad.jsonl:1");
        String unknown = "{\"id\":\"x\",\"lang\":\"es\",\"split\":\"dev\",\"doxxing\":true,\"text\":\"⟦CAR|x⟧\"}\n";
        assertThatThrownBy(() -> new CorpusLoader().read(new StringReader(unknown), "u.jsonl"))
                .hasMessageContaining("unknown entity type");
        String noLabel = "{\"id\":\"x\",\"lang\":\"es\",\"split\":\"dev\",\"text\":\"hola\"}\n";
        assertThatThrownBy(() -> new CorpusLoader().read(new StringReader(noLabel), "n.jsonl"))
                .hasMessageContaining("doxxing");
    }

    @Test
    void readsMessagesWithoutACountryWithThePreviousMessageAndTheQuasiIdentifierTypes() throws Exception {
        String line = "{\"id\":\"ca-0001\",\"lang\":\"ca\",\"country\":null,\"split\":\"test\",\"doxxing\":true,"
                + "\"afterImage\":false,\"category\":\"dox_split\",\"previous\":\"aquesta és la ⟦PERSON_NAME|Laia⟧, el seu mòbil 👇\","
                + "\"text\":\"⟦PHONE|612 34 56 78⟧ estudia a l'⟦SCHOOL|Institut Jaume Balmes⟧, targeta ⟦PAYMENT_CARD|4111 1111 1111 1111⟧\"}";
        LabelledMessage m = new CorpusLoader().read(new StringReader(line), "inline").get(0);

        assertThat(m.country()).isEmpty();
        assertThat(m.countryHint()).isEmpty();
        assertThat(m.previous()).isEqualTo("aquesta és la Laia, el seu mòbil 👇");
        assertThat(m.entities()).extracting(LabelledMessage.GoldSpan::type)
                .containsExactly(EntityType.PHONE, EntityType.SCHOOL, EntityType.PAYMENT_CARD);
    }

    @Test
    void aCountryThatIsNeitherTextNorNullIsRejected() {
        String line = "{\"id\":\"x-1\",\"lang\":\"en\",\"country\":7,\"split\":\"dev\",\"doxxing\":false,\"text\":\"hi\"}";
        assertThatThrownBy(() -> new CorpusLoader().read(new StringReader(line), "inline"))
                .hasMessageContaining("country");
    }
}
