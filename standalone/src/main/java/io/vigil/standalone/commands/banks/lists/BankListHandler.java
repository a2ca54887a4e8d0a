package io.vigil.standalone.commands.banks.lists;

/** Receives a list's entries and rejects as the parser streams through it. */
public interface BankListHandler {

    void entry(BankListEntry entry);

    void reject(BankListReject reject);

    /** Called every {@link BankListOptions#progressEvery()} lines. */
    default void progress(BankListSummary soFar) {
    }
}
