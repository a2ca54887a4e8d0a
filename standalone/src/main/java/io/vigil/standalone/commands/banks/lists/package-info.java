/**
 * Reading the lists hash banks are fed from (plain lines, CSV with a header, the ThreatExchange/HMA signal export):
 * {@link io.vigil.standalone.commands.banks.lists.BankListParser} streams a list, validating every line, and hands normalised
 * {@link io.vigil.standalone.commands.banks.lists.BankListEntry}s and line-numbered
 * {@link io.vigil.standalone.commands.banks.lists.BankListReject}s to a handler. Pure: writing entries to a bank is the caller's.
 */
package io.vigil.standalone.commands.banks.lists;
