package io.vigil.doxxingeval;

import io.vigil.detector.doxxing.EntityType;

import java.util.List;
import java.util.Map;

/** Formats an {@link Evaluation} as plain-text tables: per entity type, per language, and the decision. */
public final class EvaluationReport {

    private EvaluationReport() {
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
        out.append("\nDoxxing decision\n").append(Counts.header("")).append('\n').append(all.decision().row("decision")).append('\n');
        List<String> failures = EvaluationGoals.failures(all);
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
