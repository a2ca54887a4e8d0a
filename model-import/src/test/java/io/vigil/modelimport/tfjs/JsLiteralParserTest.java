package io.vigil.modelimport.tfjs;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsLiteralParserTest {

    @Test
    void readsMinifiedObjectLiterals() {
        JsonNode value = JsLiteralParser.parse(
                "{keras_version:\"2.2.4\",trainable:!1,sparse:!0,seed:null,lr:8.999999749903509e-7,momentum:.8999999761581421,"
                        + "scale:1963169733975448e-20,min:-.87334511607301,shape:[3,3,3,32],'quoted key':'it\\'s',$odd_1:void 0,"
                        + "nested:{a:[{},[],\"\\u00e9\\n\"]},trailing:[1,2,],}");
        assertThat(value.get("keras_version").asText()).isEqualTo("2.2.4");
        assertThat(value.get("trainable").asBoolean()).isFalse();
        assertThat(value.get("sparse").asBoolean()).isTrue();
        assertThat(value.get("seed").isNull()).isTrue();
        assertThat(value.get("lr").asDouble()).isEqualTo(8.999999749903509e-7);
        assertThat(value.get("momentum").asDouble()).isEqualTo(0.8999999761581421);
        assertThat(value.get("scale").asDouble()).isEqualTo(1963169733975448e-20);
        assertThat(value.get("min").asDouble()).isEqualTo(-0.87334511607301);
        assertThat(value.get("shape").get(3).asInt()).isEqualTo(32);
        assertThat(value.get("quoted key").asText()).isEqualTo("it's");
        assertThat(value.get("$odd_1").isNull()).isTrue();
        assertThat(value.get("nested").get("a").get(2).asText()).isEqualTo("é\n");
        assertThat(value.get("trailing")).hasSize(2);
    }

    @Test
    void parseAtStopsAfterTheLiteral() {
        String source = "x.exports={a:1}},{}]},{},[1])(1)});";
        JsLiteralParser.Parsed parsed = JsLiteralParser.parseAt(source, source.indexOf('{'));
        assertThat(parsed.value().get("a").asInt()).isEqualTo(1);
        assertThat(source.substring(parsed.end())).startsWith("},{}]");
    }

    @Test
    void refusesCodeWithItsPosition() {
        assertThatThrownBy(() -> JsLiteralParser.parse("{a:require('fs')}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'require' is not a literal at offset 3");
        assertThatThrownBy(() -> JsLiteralParser.parse("{a:!x}")).hasMessageContaining("only !0 and !1");
        assertThatThrownBy(() -> JsLiteralParser.parse("[1,2")).hasMessageContaining("unexpected end of input");
        assertThatThrownBy(() -> JsLiteralParser.parse("{a:1} extra")).hasMessageContaining("unexpected trailing input");
    }
}
