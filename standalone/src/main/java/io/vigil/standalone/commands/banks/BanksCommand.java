package io.vigil.standalone.commands.banks;

import picocli.CommandLine.Command;

/** The hash banks on a cluster: importing lists into them and showing what the detectors load. */
@Command(name = "banks", mixinStandardHelpOptions = true,
        subcommands = {BankImportCommand.class, BankListCommand.class, BankStatsCommand.class},
        description = {"Hash banks: named lists of PDQ, MD5 and SHA-256 hashes, each with a content category and a source. "
                + "Entries live in the compacted hash-bank topic (key bankId/SIGNAL_TYPE/value; a tombstone removes one); "
                + "the detector validates them into hash-bank-accepted, which every detector instance loads while it runs."})
public final class BanksCommand {
}
