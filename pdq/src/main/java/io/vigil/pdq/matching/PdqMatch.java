package io.vigil.pdq.matching;

/** An index entry within the searched distance of the query. */
public record PdqMatch(int id, int distance) implements Comparable<PdqMatch> {

    /** Nearest first, then by id. */
    @Override
    public int compareTo(PdqMatch o) {
        int c = Integer.compare(distance, o.distance);
        return c != 0 ? c : Integer.compare(id, o.id);
    }
}
