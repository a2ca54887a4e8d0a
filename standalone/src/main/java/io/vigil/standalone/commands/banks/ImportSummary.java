package io.vigil.standalone.commands.banks;

import io.vigil.standalone.commands.banks.lists.BankListFormat;

import java.util.Map;

/**
 * What an import found and did.
 *
 * @param format          the layout the list was read as
 * @param lines           lines of the file
 * @param added           entries not in the bank before
 * @param changed         entries in the bank that the list changes (id, category, source, quality, negative, metadata)
 * @param unchanged       entries in the bank exactly as the list has them
 * @param removed         entries of the bank not in the list: removed with {@code --replace}, else 0
 * @param kept            entries of the bank not in the list and kept (no {@code --replace})
 * @param rejected        lines rejected
 * @param duplicates      lines repeating the hash of an earlier line (the first one counts)
 * @param rejectsByReason rejects per reason code
 * @param written         true if the changes were written (not a dry run, nothing refused)
 */
record ImportSummary(BankListFormat format, long lines, long added, long changed, long unchanged, long removed, long kept,
                     long rejected, long duplicates, Map<String, Long> rejectsByReason, boolean written) {

    /** Lines that held a hash, valid or not. */
    long candidates() {
        return added + changed + unchanged + duplicates + rejected;
    }

    /** The line every import ends with. */
    String counts() {
        return "added " + added + ", changed " + changed + ", unchanged " + unchanged + ", removed " + removed
                + ", rejected " + rejected;
    }
}
