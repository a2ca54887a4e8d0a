package io.vigil.pdq.matching;

/**
 * Receives the entries a search of several queries at once finds: the query's position among them, the entry, and
 * its distance to that query. Called on the searching thread, once per query and entry, in no particular order.
 */
@FunctionalInterface
public interface QueryMatchSink {

    void match(int query, int id, int distance);
}
