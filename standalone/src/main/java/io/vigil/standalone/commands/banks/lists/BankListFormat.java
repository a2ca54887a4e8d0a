package io.vigil.standalone.commands.banks.lists;

/** The layouts hash lists come in. */
public enum BankListFormat {
    /** Decide from the first line: a header naming a hash column means CSV, else plain lines. */
    AUTO,
    /**
     * One hash per line, optionally preceded by its signal type ({@code pdq <hex>}, as python-threatexchange's
     * file exchange reads) and optionally followed by a PDQ quality and anything else ({@code <hex>,<quality>,<file>},
     * as the PDQ reference hashers print). Blank lines and lines starting with {@code #} are skipped.
     */
    PLAIN,
    /**
     * Comma- (or tab-) separated values with a header row (RFC 4180 quoting). The hash column is found by name
     * ({@code hash}, {@code value}, {@code signal_value}, {@code signal_str}, {@code signal}, or a type name such as
     * {@code pdq}, {@code md5}, {@code sha256}); optional columns give the type ({@code signal_type},
     * {@code hash_type}, {@code type}), the PDQ quality ({@code quality}, {@code pdq_quality}) and the entry id
     * ({@code id}, {@code entry_id}); every other column becomes metadata.
     */
    CSV,
    /**
     * The signal export of python-threatexchange, which Hasher-Matcher-Actioner is built on
     * ({@code threatexchange dataset --print-signals --csv}): columns {@code collab, signal_type, signal_str,
     * category, tags} in any order, signal types named as ThreatExchange names them ({@code pdq},
     * {@code video_md5}, ...). Read like {@link #CSV}; types that are not media hashes ({@code url},
     * {@code raw_text}, {@code url_md5}, ...) are rejected line by line.
     */
    THREATEXCHANGE_CSV
}
