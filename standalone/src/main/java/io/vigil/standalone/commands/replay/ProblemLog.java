package io.vigil.standalone.commands.replay;

import io.vigil.ingest.telegram.export.ExportProblem;

import java.io.PrintWriter;
import java.util.function.Consumer;

/**
 * Problems in the input, on standard error as they are met: file, line or message id, and a code, never the
 * message's text. After the first {@value #SHOWN} the rest are only counted (the summary has them by code).
 */
final class ProblemLog implements Consumer<ExportProblem> {

    static final int SHOWN = 100;

    private final PrintWriter err;
    private long count;

    ProblemLog(PrintWriter err) {
        this.err = err;
    }

    @Override
    public synchronized void accept(ExportProblem problem) {
        count++;
        if (count <= SHOWN) {
            err.println("WARN " + problem);
        } else if (count == SHOWN + 1) {
            err.println("WARN more problems follow; only counted from here (see the summary)");
        }
        err.flush();
    }

    long count() {
        return count;
    }
}
