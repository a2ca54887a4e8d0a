package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.EntityType;

import java.util.List;
import java.util.Map;

/** Formats an {@link Evaluation} as plain-text tables: per entity type, per language, and the decision. */
public final class EvaluationReport {

    private EvaluationReport() {
    }

    /** One line per group: decision P/R/F1 and counts, entity micro F1, and the entity types it has. */
    static String groups(String title, Map<String, Evaluation.Slice> groups) {
        StringBuilder out = new StringBuilder("\n").append(title)
                .append(": decision P / R / F1 (TP FP FN) | entities lenient P / R / F1 (gold)\n");
        for (Map.Entry<String, Evaluation.Slice> g : groups.entrySet()) {
            Evaluation.Slice s = g.getValue();
            Counts d = s.decision();
            Counts ent = s.lenientAll();
            String decision = d.support() == 0
                    ? String.format(java.util.Locale.ROOT, "no doxxing: %d false alarm%s  ", d.fp(), d.fp() == 1 ? " " : "s")
                    : String.format(java.util.Locale.ROOT, "%5.3f %5.3f %5.3f (%d %d %d)", d.precision(), d.recall(), d.f1(),
                    d.tp(), d.fp(), d.fn());
            out.append(String.format(java.util.Locale.ROOT, "%-40s %5d msgs  %-28s | %5.3f %5.3f %5.3f (%d)%n",
                    g.getKey(), s.messages(), decision, ent.precision(), ent.recall(), ent.f1(), ent.support()));
        }
        return out.toString();
    }

    public static String format(String title, Evaluation e, boolean withErrors) {
        StringBuilder out = new StringBuilder();
        Evaluation.Slice all = e.overall();
        out.append("== ").append(title).append(" — ").append(all.messages()).append(" messages ==\n");
        out.append("\nEntities, lenient (same type, overlap >= 50% of union)\n").append(Counts.header("type")).append('\n');
        for (EntityType t : EntityType.values()) {
            if (all.lenient.containsKey(t)) {
                out.append(all.lenient(t).row(t.name())).append('\n');
            }
        }
        out.append(all.lenientAll().row("ALL (micro)")).append('\n');
        if (!e.unlabelledTypes().isEmpty()) {
            out.append("(not labelled in this corpus, not counted: ").append(e.unlabelledTypes()).append(")\n");
        }
        out.append("\nEntities, strict (same type, exact span)\n").append(Counts.header("type")).append('\n');
        for (EntityType t : EntityType.values()) {
            if (all.strict.containsKey(t)) {
                out.append(all.strict(t).row(t.name())).append('\n');
            }
        }
        out.append(all.strictAll().row("ALL (micro)")).append('\n');
        out.append("\nPer language: entities lenient (micro) | strict (micro) | doxxing decision\n");
        out.append(Counts.header("lang")).append("   | strict F1 | decision P / R / F1  (msgs)\n");
        for (Map.Entry<String, Evaluation.Slice> l : e.perLanguage().entrySet()) {
            Evaluation.Slice s = l.getValue();
            Counts d = s.decision();
            out.append(s.lenientAll().row(l.getKey()))
                    .append(String.format(java.util.Locale.ROOT, "   | %9.3f | %6.3f %6.3f %6.3f  (%d)%n",
                            s.strictAll().f1(), d.precision(), d.recall(), d.f1(), s.messages()));
        }
        out.append("\nPer language and type, lenient F1 (gold count)\n");
        for (Map.Entry<String, Evaluation.Slice> l : e.perLanguage().entrySet()) {
            StringBuilder row = new StringBuilder(String.format("%-6s", l.getKey()));
            for (EntityType t : EntityType.values()) {
                if (l.getValue().lenient.containsKey(t)) {
                    Counts c = l.getValue().lenient(t);
                    row.append(String.format(java.util.Locale.ROOT, " %s %.2f(%d)", t.name(), c.f1(), c.support()));
                }
            }
            out.append(row).append('\n');
        }
        out.append(groups("Per category (scenario)", e.perCategory()));
        out.append(groups("Per error kind (issue 12)", e.perKind()));
        out.append(groups("With and without a country hint", e.perHint()));
        Evaluation.Slice noHint = e.perHint().get(Evaluation.NO_HINT);
        if (noHint != null && noHint.lenient.containsKey(EntityType.PHONE)) {
            out.append("PHONE without a country hint (lenient): ").append(noHint.lenient(EntityType.PHONE).row("PHONE")).append('\n');
        }
        out.append("\nDoxxing decision\n").append(Counts.header("")).append('\n').append(all.decision().row("decision")).append('\n');
        List<String> failures = new java.util.ArrayList<>(EvaluationGoals.failures(all));
        if (noHint != null) {
            failures.addAll(EvaluationGoals.noHintFailures(noHint));
        }
        out.append("\nGoals: ").append(failures.isEmpty() ? "all met" : "NOT MET: " + String.join("; ", failures)).append('\n');
        if (withErrors) {
            out.append("\nDisagreements (ids and offsets only)\n");
            for (Evaluation.Error err : e.errors()) {
                out.append("  ").append(err.id()).append("  ").append(err.kind()).append("  ").append(err.detail()).append('\n');
            }
        }
        return out.toString();
    }
}
