package io.vigil.standalone.commands.banks.lists;

import java.util.Map;

/**
 * @param format          the layout the list was read as
 * @param lines           lines read (including header, blank and comment lines)
 * @param entries         valid entries passed on
 * @param rejects         lines rejected
 * @param rejectsByReason rejects per reason code
 */
public record BankListSummary(BankListFormat format, long lines, long entries, long rejects,
                              Map<String, Long> rejectsByReason) {

    public BankListSummary {
        rejectsByReason = Map.copyOf(rejectsByReason);
    }
}
