package io.vigil.enricher.policy;

import io.vigil.enricher.evidence.BankMatchFinding;
import io.vigil.enricher.evidence.ImageFinding;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.CaseSummary;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.HashMatch;
import io.vigil.schemas.LineageNotice;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.Visibility;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.ToLongFunction;
import java.util.stream.Collectors;

/**
 * The facts a rule's conditions and reason placeholders can name: the catalogue a policy is validated against.
 * Message facts (group, text, bank matches) are readable by every rule; a finding's own fields only by the rules on
 * its kind; the network's facts (clusters, case, lineage, Vigil's strikes) only by message rules, because evidence
 * rules set the severity before the network memory is asked. A fact that is not known (no group metadata yet, no
 * case) makes every condition on it false.
 */
public enum Field {
    GROUP_KNOWN("group.known", FieldType.BOOLEAN, Reach.CONTEXT, in -> in.message().group().isPresent()),
    GROUP_MEMBERS("group.members", FieldType.COUNT, Reach.CONTEXT, in -> in.message().group().map(GroupFacts::memberCount).orElse(null)),
    GROUP_VISIBILITY("group.visibility", FieldType.ENUM, Reach.CONTEXT, symbols(Visibility.values()),
            in -> in.message().group().map(g -> g.visibility().name()).orElse(null)),
    GROUP_KIND("group.kind", FieldType.ENUM, Reach.CONTEXT, symbols(ChatKind.values()),
            in -> in.message().group().map(g -> g.kind().name()).orElse(null)),
    GROUP_STRIKES("group.strikes", FieldType.COUNT, Reach.CONTEXT, in -> in.message().group().map(g -> (long) g.strikeCount()).orElse(null)),
    FORWARDED("forwarded", FieldType.BOOLEAN, Reach.CONTEXT, in -> in.message().forwarded()),
    DOXXING("doxxing", FieldType.BOOLEAN, Reach.CONTEXT, in -> in.message().text().map(TextSignal::getDoxxing).orElse(false)),
    EXPOSURE("exposure", FieldType.PROBABILITY, Reach.CONTEXT, in -> in.message().text().map(TextSignal::getScore).orElse(null)),
    ENTITY_TYPES("entity-types", FieldType.ENUM_SET, Reach.CONTEXT, symbols(PersonalDataType.values()),
            in -> in.message().text().map(t -> t.getEntities().stream().map(e -> e.getType().name()).collect(Collectors.toCollection(LinkedHashSet::new)))
                    .orElse(new LinkedHashSet<>())),
    MAX_EXPLICIT("max-explicit", FieldType.PROBABILITY, Reach.CONTEXT, in -> in.message().findings().stream()
            .filter(ImageFinding.class::isInstance).mapToDouble(f -> ((ImageFinding) f).scores().getExplicit()).max().orElse(0)),
    BANK_CATEGORIES("bank.categories", FieldType.ENUM_SET, Reach.CONTEXT, symbols(ContentCategory.values()),
            in -> matches(in).map(m -> m.getCategory().name()).collect(Collectors.toCollection(LinkedHashSet::new))),
    BANK_SOURCES("bank.sources", FieldType.ENUM_SET, Reach.CONTEXT, symbols(BankSource.values()),
            in -> matches(in).map(m -> m.getSource().name()).collect(Collectors.toCollection(LinkedHashSet::new))),
    STAY_DOWN("stay-down", FieldType.BOOLEAN, Reach.CONTEXT, in -> matches(in).anyMatch(Field::isStayDown)),

    CATEGORY("category", FieldType.ENUM, Reach.BANK_MATCH, symbols(ContentCategory.values()), in -> match(in).getCategory().name()),
    SOURCE("source", FieldType.ENUM, Reach.BANK_MATCH, symbols(BankSource.values()), in -> match(in).getSource().name()),
    SIGNAL("signal", FieldType.ENUM, Reach.BANK_MATCH, symbols(SignalType.values()), in -> match(in).getSignalType().name()),
    DISTANCE("distance", FieldType.COUNT, Reach.BANK_MATCH, in -> (long) match(in).getDistance()),
    CONFIRMED_BY_MODERATOR("confirmed-by-moderator", FieldType.BOOLEAN, Reach.BANK_MATCH, in -> isStayDown(match(in))),

    EXPLICIT("explicit", FieldType.PROBABILITY, Reach.IMAGE, in -> image(in).scores().getExplicit()),
    SUGGESTIVE("suggestive", FieldType.PROBABILITY, Reach.IMAGE, in -> image(in).scores().getSuggestive()),
    DRAWN("drawn", FieldType.PROBABILITY, Reach.IMAGE, in -> image(in).scores().getDrawn()),
    BANKED("banked", FieldType.BOOLEAN, Reach.IMAGE, in -> image(in).banked()),
    WITH_PERSONAL_DATA("with-personal-data", FieldType.BOOLEAN, Reach.IMAGE, in -> image(in).withPersonalData()),

    SEVERITY("severity", FieldType.PROBABILITY, Reach.MESSAGE, RuleInput::severity),
    NETWORK_AVAILABLE("network.available", FieldType.BOOLEAN, Reach.MESSAGE, in -> in.message().network().unavailable().isEmpty()),
    CLUSTER_CHATS("cluster.chats", FieldType.COUNT, Reach.MESSAGE, in -> maxOverClusters(in, ClusterSighting::getChats)),
    CLUSTER_REACH("cluster.reach", FieldType.COUNT, Reach.MESSAGE, in -> maxOverClusters(in, ClusterSighting::getReach)),
    CLUSTER_SIGHTINGS("cluster.sightings", FieldType.COUNT, Reach.MESSAGE, in -> maxOverClusters(in, ClusterSighting::getSightings)),
    CLUSTER_FORWARDS("cluster.forwards", FieldType.COUNT, Reach.MESSAGE, in -> maxOverClusters(in, ClusterSighting::getForwards)),
    CLUSTER_NEW_CHAT("cluster.new-chat", FieldType.BOOLEAN, Reach.MESSAGE,
            in -> in.message().network().clusters().stream().anyMatch(ClusterSighting::getNewChat)),
    CASE_KNOWN("case.known", FieldType.BOOLEAN, Reach.MESSAGE, in -> in.message().network().victimCase().isPresent()),
    CASE_ITEMS("case.items", FieldType.COUNT, Reach.MESSAGE, in -> victimCase(in).map(c -> (long) c.getItems()).orElse(null)),
    CASE_CHATS("case.chats", FieldType.COUNT, Reach.MESSAGE, in -> victimCase(in).map(c -> (long) c.getChats()).orElse(null)),
    CASE_REACH("case.reach", FieldType.COUNT, Reach.MESSAGE, in -> victimCase(in).map(CaseSummary::getReach).orElse(null)),
    CASE_SCORE("case.score", FieldType.PROBABILITY, Reach.MESSAGE, in -> victimCase(in).map(CaseSummary::getScore).orElse(null)),
    LINEAGE_RELATION("lineage.relation", FieldType.ENUM, Reach.MESSAGE, List.of("recreation", "migration"),
            in -> lineage(in).map(LineageNotice::getRelation).orElse(null)),
    LINEAGE_SCORE("lineage.score", FieldType.PROBABILITY, Reach.MESSAGE, in -> lineage(in).map(LineageNotice::getScore).orElse(null)),
    LINEAGE_INHERITED_STRIKES("lineage.inherited-strikes", FieldType.COUNT, Reach.MESSAGE,
            in -> lineage(in).map(l -> (long) l.getInheritedStrikes()).orElse(null)),
    VIGIL_STRIKES("vigil.strikes", FieldType.COUNT, Reach.MESSAGE, in -> (long) in.message().network().vigilStrikes()),
    VIGIL_OWN_STRIKES("vigil.own-strikes", FieldType.COUNT, Reach.MESSAGE, in -> (long) in.message().network().ownStrikes());

    /** Which rules can read a field. */
    enum Reach {
        /** Facts of the message itself: every rule. */
        CONTEXT,
        /** Only message rules: the base severity so far and the network's memory. */
        MESSAGE,
        BANK_MATCH,
        IMAGE
    }

    private final String key;
    private final FieldType type;
    private final Reach reach;
    private final List<String> symbols;
    private final Function<RuleInput, Object> value;

    Field(String key, FieldType type, Reach reach, Function<RuleInput, Object> value) {
        this(key, type, reach, List.of(), value);
    }

    Field(String key, FieldType type, Reach reach, List<String> symbols, Function<RuleInput, Object> value) {
        this.key = key;
        this.type = type;
        this.reach = reach;
        this.symbols = symbols;
        this.value = value;
    }

    public String key() {
        return key;
    }

    public FieldType type() {
        return type;
    }

    /** The symbols an ENUM or ENUM_SET field takes. */
    public List<String> symbols() {
        return symbols;
    }

    public boolean readableIn(Scope scope) {
        return switch (reach) {
            case CONTEXT -> true;
            case MESSAGE -> scope == Scope.MESSAGE;
            case BANK_MATCH -> scope == Scope.BANK_MATCH;
            case IMAGE -> scope == Scope.IMAGE;
        };
    }

    /** Why a rule of this scope cannot read the field; empty when it can. */
    public Optional<String> whyUnreadableIn(Scope scope) {
        if (readableIn(scope)) {
            return Optional.empty();
        }
        return Optional.of(switch (reach) {
            case MESSAGE -> "is read by message rules only (evidence rules set the severity before the network memory is asked)";
            case BANK_MATCH -> "is a fact of one bank match: use it in a rule with 'on: bank_match'";
            case IMAGE -> "is a fact of one image: use it in a rule with 'on: image'";
            case CONTEXT -> "";
        });
    }

    /** Long for COUNT, Double for PROBABILITY, Boolean, String for ENUM, Set of String for ENUM_SET; null when unknown. */
    public Object valueIn(RuleInput input) {
        Object v = value.apply(input);
        if (v instanceof Integer i) {
            return i.longValue();
        }
        if (v instanceof Float f) {
            return f.doubleValue();
        }
        return v;
    }

    public static Optional<Field> ofKey(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    public static List<String> keysReadableIn(Scope scope) {
        return Arrays.stream(values()).filter(f -> f.readableIn(scope)).map(Field::key).toList();
    }

    /** The network's facts: conditions on them can only hold once the memory answered. */
    public boolean fromNetwork() {
        return reach == Reach.MESSAGE && this != SEVERITY;
    }

    /** Fields whose value is unknown (so every condition false) exactly when {@code known} is false. */
    public Optional<Field> knownFlag() {
        if (key.startsWith("group.") && this != GROUP_KNOWN) {
            return Optional.of(GROUP_KNOWN);
        }
        if (key.startsWith("case.") && this != CASE_KNOWN) {
            return Optional.of(CASE_KNOWN);
        }
        return Optional.empty();
    }

    private static boolean isStayDown(HashMatch match) {
        return match.getSource() == BankSource.PLATFORM && match.getProvenance() != null && !match.getProvenance().isBlank();
    }

    private static java.util.stream.Stream<HashMatch> matches(RuleInput in) {
        return in.message().findings().stream().filter(BankMatchFinding.class::isInstance).map(f -> ((BankMatchFinding) f).match());
    }

    private static HashMatch match(RuleInput in) {
        return ((BankMatchFinding) in.finding()).match();
    }

    private static ImageFinding image(RuleInput in) {
        return (ImageFinding) in.finding();
    }

    private static Optional<CaseSummary> victimCase(RuleInput in) {
        return in.message().network().victimCase();
    }

    private static Optional<LineageNotice> lineage(RuleInput in) {
        return in.message().network().lineage();
    }

    private static Long maxOverClusters(RuleInput in, ToLongFunction<ClusterSighting> count) {
        return in.message().network().clusters().stream().mapToLong(count).max().stream().boxed().findFirst().orElse(0L);
    }

    private static List<String> symbols(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).toList();
    }

}
