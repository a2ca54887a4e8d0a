package io.vigil.enricher.policy;

import io.vigil.enricher.evidence.BankMatchFinding;
import io.vigil.enricher.evidence.ImageFinding;
import io.vigil.enricher.evidence.Percent;
import io.vigil.enricher.evidence.TextFinding;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.LineageNotice;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a rule's reason can say: every field of the catalogue (counts with thousands separators, probabilities as
 * percentages, symbols in lower case), plus the words that describe a finding or the network's memory.
 */
public final class Placeholders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);

    record Placeholder(Set<Scope> scopes, Function<RuleInput, String> render) {
    }

    private static final Map<String, Placeholder> ALL = catalogue();

    private Placeholders() {
    }

    public static Optional<Set<Scope>> scopesOf(String name) {
        return Optional.ofNullable(ALL.get(name)).map(Placeholder::scopes);
    }

    public static String render(String name, RuleInput input) {
        return ALL.get(name).render().apply(input);
    }

    public static java.util.List<String> namesIn(Scope scope) {
        return ALL.entrySet().stream().filter(e -> e.getValue().scopes().contains(scope)).map(Map.Entry::getKey).toList();
    }

    private static Map<String, Placeholder> catalogue() {
        Map<String, Placeholder> all = new LinkedHashMap<>();
        for (Field field : Field.values()) {
            Set<Scope> scopes = EnumSet.noneOf(Scope.class);
            for (Scope scope : Scope.values()) {
                if (field.readableIn(scope)) {
                    scopes.add(scope);
                }
            }
            all.put(field.key(), new Placeholder(scopes, in -> write(field, field.valueIn(in))));
        }
        Set<Scope> bank = EnumSet.of(Scope.BANK_MATCH);
        all.put("item", new Placeholder(bank, in -> bankMatch(in).item()));
        all.put("bank", new Placeholder(bank, in -> bankMatch(in).match().getBankId()));
        all.put("category-label", new Placeholder(bank, in -> bankMatch(in).categoryLabel()));
        all.put("how", new Placeholder(bank, in -> bankMatch(in).how()));
        all.put("provenance", new Placeholder(bank, in -> bankMatch(in).provenanceClause()));
        Set<Scope> image = EnumSet.of(Scope.IMAGE);
        all.put("which", new Placeholder(image, in -> ((ImageFinding) in.finding()).which()));
        all.put("model", new Placeholder(image, in -> ((ImageFinding) in.finding()).scores().getModel()));
        Set<Scope> every = EnumSet.allOf(Scope.class);
        all.put("exposed", new Placeholder(every, in -> in.message().text().map(t -> new TextFinding(t).exposed()).orElse("")));
        all.put("reasons", new Placeholder(every, in -> in.message().text().map(t -> new TextFinding(t).reasons()).orElse("")));
        Set<Scope> message = EnumSet.of(Scope.MESSAGE);
        all.put("cluster.first-seen", new Placeholder(message, in -> widest(in).map(c -> DATE.format(c.getFirstSeen())).orElse("unknown")));
        all.put("cluster.first-chat", new Placeholder(message, in -> widest(in).map(ClusterSighting::getFirstChatId).orElse("unknown")));
        all.put("case.id", new Placeholder(message, in -> victimCase(in).map(CaseSummary::getCaseId).orElse("none")));
        all.put("case.summary", new Placeholder(message, in -> victimCase(in).map(CaseSummary::getSummary).orElse("")));
        all.put("lineage.summary", new Placeholder(message, in -> lineage(in).map(LineageNotice::getSummary).orElse("")));
        all.put("lineage.predecessor", new Placeholder(message, in -> lineage(in).map(LineageNotice::getPredecessorChatId).orElse("none")));
        all.put("lineage.evidence", new Placeholder(message, in -> lineage(in).map(l -> String.join("; ", l.getEvidence())).orElse("")));
        all.put("vigil.inherited-strikes", new Placeholder(message, in -> count(in.message().network().inheritedStrikes())));
        return Map.copyOf(all);
    }

    static String write(Field field, Object value) {
        if (value == null) {
            return "unknown";
        }
        return switch (field.type()) {
            case COUNT -> count(((Number) value).longValue());
            case PROBABILITY -> Percent.of(((Number) value).doubleValue());
            case BOOLEAN -> (Boolean) value ? "yes" : "no";
            case ENUM -> value.toString().toLowerCase(Locale.ROOT);
            case ENUM_SET -> ((Collection<?>) value).stream().map(v -> v.toString().toLowerCase(Locale.ROOT))
                    .collect(Collectors.joining(", "));
        };
    }

    /** 48200 as "48,200" (NumberFormat's ROOT grouping, without creating a formatter per reason). */
    public static String count(long n) {
        String digits = Long.toString(Math.abs(n));
        StringBuilder out = new StringBuilder(digits.length() + digits.length() / 3 + 1);
        if (n < 0) {
            out.append('-');
        }
        int head = digits.length() % 3 == 0 ? 3 : digits.length() % 3;
        out.append(digits, 0, head);
        for (int i = head; i < digits.length(); i += 3) {
            out.append(',').append(digits, i, i + 3);
        }
        return out.toString();
    }

    public static String date(Instant instant) {
        return DATE.format(instant);
    }

    private static BankMatchFinding bankMatch(RuleInput in) {
        return (BankMatchFinding) in.finding();
    }

    private static Optional<ClusterSighting> widest(RuleInput in) {
        return in.message().network().widestCluster();
    }

    private static Optional<CaseSummary> victimCase(RuleInput in) {
        return in.message().network().victimCase();
    }

    private static Optional<LineageNotice> lineage(RuleInput in) {
        return in.message().network().lineage();
    }
}
