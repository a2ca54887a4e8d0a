package io.vigil.modelimport.tfjs;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BundledJsModuleTest {

    /** The browserify standalone wrapper NSFWJS's model files use, shortened. */
    static String browserify(String literal) {
        return "!function(e){if(\"object\"==typeof exports&&\"undefined\"!=typeof module)module.exports=e();else{(this).model=e()}}"
                + "(function(){return function e(a,n,i){function l(_,o){var r=n[_]={exports:{}};a[_][0].call(r.exports,function(e){"
                + "return l(a[_][1][e]||e)},r,r.exports,e,a,n,i)}return l}({1:[function(e,a,n){a.exports=" + literal
                + "},{}]},{},[1])(1)});";
    }

    @Test
    void readsTheBrowserifyExportNotTheWrappersOwnModuleExports() {
        assertThat(BundledJsModule.exportedValue(browserify("{weightsManifest:[{paths:[\"g\"]}]}"), "model.min.js")
                .get("weightsManifest").get(0).get("paths").get(0).asText()).isEqualTo("g");
        assertThat(BundledJsModule.exportedValue(browserify("\"QUJD\""), "shard").asText()).isEqualTo("QUJD");
    }

    @Test
    void readsCommonJsAndEsModules() {
        assertThat(BundledJsModule.exportedValue("module.exports = {a: 1};", "cjs").get("a").asInt()).isEqualTo(1);
        assertThat(BundledJsModule.exportedValue("export default [1, 2];", "esm")).hasSize(2);
    }

    @Test
    void explainsWhatItExpected() {
        assertThatThrownBy(() -> BundledJsModule.exportedValue("console.log(1)", "model.min.js"))
                .hasMessageContaining("model.min.js: no 'exports =' or 'export default' found");
        assertThatThrownBy(() -> BundledJsModule.exportedValue("module.exports = load();", "model.min.js"))
                .hasMessageContaining("the exported value is not a plain literal");
    }
}
