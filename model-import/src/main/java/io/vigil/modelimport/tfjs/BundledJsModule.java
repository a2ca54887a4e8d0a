package io.vigil.modelimport.tfjs;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The data a JavaScript module exports, read without running it. NSFWJS bundles each model file as a
 * browserify standalone module ({@code {1:[function(e,a,n){a.exports=LITERAL},{}]}...}); hand-written
 * CommonJS ({@code module.exports = LITERAL}) and ES modules ({@code export default LITERAL}) are read too.
 */
public final class BundledJsModule {

    /** Browserify names the module object after the second parameter of the module function. */
    private static final Pattern BROWSERIFY_EXPORT =
            Pattern.compile("\\[function\\(\\s*[\\w$]+\\s*,\\s*([\\w$]+)\\s*,\\s*[\\w$]+\\s*\\)\\s*\\{\\s*\\1\\.exports\\s*=");
    private static final Pattern COMMONJS_EXPORT = Pattern.compile("\\bmodule\\.exports\\s*=");
    private static final Pattern ES_DEFAULT_EXPORT = Pattern.compile("\\bexport\\s+default\\s+");

    private BundledJsModule() {}

    /**
     * Returns the literal the module exports.
     *
     * @param source the module text
     * @param what   names the module in error messages
     */
    public static JsonNode exportedValue(String source, String what) {
        for (Pattern pattern : new Pattern[] {BROWSERIFY_EXPORT, COMMONJS_EXPORT, ES_DEFAULT_EXPORT}) {
            Matcher matcher = pattern.matcher(source);
            if (matcher.find()) {
                try {
                    return JsLiteralParser.parseAt(source, matcher.end()).value();
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(what + ": the exported value is not a plain literal: "
                            + e.getMessage(), e);
                }
            }
        }
        throw new IllegalArgumentException(what + ": no 'exports =' or 'export default' found; expected a module "
                + "that exports a literal (as NSFWJS's dist/models/*/*.min.js do)");
    }
}
