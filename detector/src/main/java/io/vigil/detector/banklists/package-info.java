/**
 * Reading the lists hash banks are fed from (plain lines, CSV with a header, the ThreatExchange/HMA signal export):
 * {@link io.vigil.detector.banklists.BankListParser} streams a list, validating every line, and hands normalised
 * {@link io.vigil.detector.banklists.BankListEntry}s and line-numbered
 * {@link io.vigil.detector.banklists.BankListReject}s to a handler. Pure: writing entries to a bank is the caller's.
 */
package io.vigil.detector.banklists;
