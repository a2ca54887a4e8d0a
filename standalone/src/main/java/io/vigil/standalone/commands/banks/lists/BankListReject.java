package io.vigil.standalone.commands.banks.lists;

/**
 * A line that was not imported. The detail describes what is wrong with the line (lengths, characters, ranges), never
 * its content: lists can carry metadata that must not end up in logs.
 */
public record BankListReject(long line, RejectReason reason, String detail) {

    @Override
    public String toString() {
        return "line " + line + ": " + reason.code() + " (" + detail + ")";
    }
}
