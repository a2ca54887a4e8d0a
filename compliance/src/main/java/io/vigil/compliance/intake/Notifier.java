package io.vigil.compliance.intake;

/**
 * Who posts a notice, from the validated credential: the platform's backend (for its users, or an authority's request)
 * or a trusted flagger (DSA Art. 22) with its own credential.
 */
public record Notifier(String subject, boolean trustedFlagger) {
}
