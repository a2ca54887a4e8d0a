package io.vigil.detector.doxxing.lexicon;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Aho–Corasick automaton over folded phrases: one pass over a message finds every cue of every language, so the
 * cost per message does not grow with the size of the cue files. Word boundaries are checked on each hit, except
 * around ideographs, which have none.
 */
public final class PhraseMatcher {

    private static final int ROOT = 0;

    /** Per state: sorted transition chars and target states. */
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    private final int[] failure;
    /** Per state: phrases ending here, including those reached through failure links. */
    private final Phrase[][] outputs;
    /**
     * The root's transitions as a table by char (-1: none): most chars of a message are read at the root, where a
     * binary search over every phrase's first char would cost a dozen comparisons each.
     */
    private final int[] rootTargets = new int[Character.MAX_VALUE + 1];

    public PhraseMatcher(List<Phrase> phrases) {
        Builder builder = new Builder();
        for (Phrase phrase : phrases) {
            if (!phrase.text().isEmpty()) {
                builder.add(phrase);
            }
        }
        int states = builder.chars.size();
        edgeChars = new char[states][];
        edgeTargets = new int[states][];
        for (int s = 0; s < states; s++) {
            List<Character> cs = builder.chars.get(s);
            List<Integer> ts = builder.targets.get(s);
            Integer[] order = new Integer[cs.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Character.compare(cs.get(a), cs.get(b)));
            edgeChars[s] = new char[order.length];
            edgeTargets[s] = new int[order.length];
            for (int i = 0; i < order.length; i++) {
                edgeChars[s][i] = cs.get(order[i]);
                edgeTargets[s][i] = ts.get(order[i]);
            }
        }
        Arrays.fill(rootTargets, -1);
        for (int i = 0; i < edgeChars[ROOT].length; i++) {
            rootTargets[edgeChars[ROOT][i]] = edgeTargets[ROOT][i];
        }
        failure = new int[states];
        List<List<Phrase>> out = builder.outputs;
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int t : edgeTargets[ROOT]) {
            failure[t] = ROOT;
            queue.add(t);
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            for (int i = 0; i < edgeChars[s].length; i++) {
                char c = edgeChars[s][i];
                int t = edgeTargets[s][i];
                int f = failure[s];
                while (f != ROOT && next(f, c) < 0) {
                    f = failure[f];
                }
                int ft = next(f, c);
                failure[t] = (ft >= 0 && ft != t) ? ft : ROOT;
                out.get(t).addAll(out.get(failure[t]));
                queue.add(t);
            }
        }
        outputs = new Phrase[states][];
        for (int s = 0; s < states; s++) {
            outputs[s] = out.get(s).toArray(new Phrase[0]);
        }
    }

    /** All phrases in {@code folded} (a text folded with {@link TextFolding}) that respect their word boundaries. */
    public List<PhraseHit> findAll(String folded) {
        List<PhraseHit> hits = new ArrayList<>();
        int state = ROOT;
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int t;
            while ((t = next(state, c)) < 0 && state != ROOT) {
                state = failure[state];
            }
            state = Math.max(t, ROOT);
            for (Phrase p : outputs[state]) {
                int end = i + 1;
                int start = end - p.text().length();
                if (respectsBoundaries(folded, start, end, p)) {
                    hits.add(new PhraseHit(start, end, p));
                }
            }
        }
        return hits;
    }

    private int next(int state, char c) {
        if (state == ROOT) {
            return rootTargets[c];
        }
        int i = Arrays.binarySearch(edgeChars[state], c);
        return i >= 0 ? edgeTargets[state][i] : -1;
    }

    private static boolean respectsBoundaries(String text, int start, int end, Phrase p) {
        if (p.wordStart() && start > 0 && isWordChar(text.charAt(start - 1)) && isWordChar(text.charAt(start))) {
            return false;
        }
        return !(p.wordEnd() && end < text.length() && isWordChar(text.charAt(end)) && isWordChar(text.charAt(end - 1)));
    }

    /** Letters and digits outside the ideographic scripts, where words are not separated by spaces. */
    static boolean isWordChar(char c) {
        return WORD_CHARS[c];
    }

    /** {@link #isWordChar} of every char, computed once: it is asked at both ends of every candidate hit. */
    private static final boolean[] WORD_CHARS = wordChars();

    private static boolean[] wordChars() {
        boolean[] table = new boolean[Character.MAX_VALUE + 1];
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            table[c] = Character.isLetterOrDigit((char) c) && !isIdeographic((char) c);
        }
        return table;
    }

    public static boolean isIdeographic(char c) {
        return Character.isIdeographic(c) || (c >= 0x3040 && c <= 0x30FF);
    }

    private static final class Builder {
        final List<List<Character>> chars = new ArrayList<>();
        final List<List<Integer>> targets = new ArrayList<>();
        final List<List<Phrase>> outputs = new ArrayList<>();

        Builder() {
            newState();
        }

        int newState() {
            chars.add(new ArrayList<>());
            targets.add(new ArrayList<>());
            outputs.add(new ArrayList<>());
            return chars.size() - 1;
        }

        void add(Phrase phrase) {
            int s = ROOT;
            for (char c : phrase.text().toCharArray()) {
                int idx = chars.get(s).indexOf(c);
                if (idx >= 0) {
                    s = targets.get(s).get(idx);
                } else {
                    int t = newState();
                    chars.get(s).add(c);
                    targets.get(s).add(t);
                    s = t;
                }
            }
            outputs.get(s).add(phrase);
        }
    }
}
