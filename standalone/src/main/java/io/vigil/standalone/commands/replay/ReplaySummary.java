package io.vigil.standalone.commands.replay;

import io.vigil.ingest.kafka.ReplayWriter;
import io.vigil.ingest.replay.Tally;

import java.io.PrintWriter;
import java.util.Map;
import java.util.stream.Collectors;

/** The end of a replay in a few lines: what was read, what was written, what was skipped and why. */
record ReplaySummary(Tally tally, ReplayWriter.MetadataOutcome metadata, ReplayWriter.EventsOutcome events, long problems,
                     boolean written) {

    void print(PrintWriter out) {
        out.printf("read %d file(s): %d chat(s), %d message(s), %d group event(s), %d media stored, %d media without bytes%n",
                tally.get("files"), tally.get("chats"), tally.get("messages"), total(tally.withPrefix("group_events.")),
                tally.get("media.stored"), total(tally.withPrefix("media.unavailable.")));
        out.printf("%s metadata of %d chat(s) (%d unchanged), %d event(s) (%d already there)%n", written ? "wrote" : "dry run, would write",
                metadata.written(), metadata.unchanged(), events.written(), events.alreadyThere());
        line(out, "media without bytes", tally.withPrefix("media.unavailable."));
        line(out, "skipped", merge(tally.withPrefix("skipped."), tally.withPrefix("chats_skipped.")));
        line(out, "service messages not recorded", tally.withPrefix("service_not_recorded."));
        line(out, "dates read from local time", tally.withPrefix("dates."));
        if (tally.get("sender_unknown") > 0) {
            out.printf("messages without a sender: %d (written with sender 'unknown')%n", tally.get("sender_unknown"));
        }
        if (problems > 0) {
            out.printf("problems in the input: %d (%s; each on standard error with its file and line or message id)%n",
                    problems, describe(tally.withPrefix("problems.")));
        }
        out.flush();
    }

    private static void line(PrintWriter out, String what, Map<String, Long> counts) {
        if (!counts.isEmpty()) {
            out.println(what + ": " + describe(counts));
        }
    }

    private static String describe(Map<String, Long> counts) {
        return counts.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }

    private static long total(Map<String, Long> counts) {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }

    private static Map<String, Long> merge(Map<String, Long> a, Map<String, Long> b) {
        Map<String, Long> merged = new java.util.TreeMap<>(a);
        b.forEach((k, v) -> merged.merge(k, v, Long::sum));
        return merged;
    }
}
