package io.vigil.pdq.matching;

/** Receives the entries a search finds. Called on the searching thread, once per entry. */
@FunctionalInterface
public interface MatchSink {

    void match(int id, int distance);
}
