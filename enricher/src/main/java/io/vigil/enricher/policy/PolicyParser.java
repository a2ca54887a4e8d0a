package io.vigil.enricher.policy;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.PersonalDataType;
import io.vigil.schemas.RiskLevel;
import io.vigil.schemas.topics.Topics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Reads a policy from YAML and checks all of it before anything runs: unknown keys, conditions a rule's kind cannot
 * read, impossible conditions (a range that is empty, a probability outside 0-1, a symbol the fact never takes, two
 * conditions that exclude each other), effects on the wrong kind of rule and placeholders a reason cannot fill. Every
 * problem is reported at once, each with its path in the file.
 */
public final class PolicyParser {

    public static final String DEFAULT_RESOURCE = "/policy/default-policy.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_.-]{0,63}");
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9_]{0,63}");
    private static final Set<String> TOP_KEYS = Set.of("version", "description", "levels", "rules", "cases", "lineage");
    private static final Set<String> RULE_KEYS = Set.of("name", "description", "on", "when", "severity", "add", "note", "category",
            "code", "reason", "queue", "level", "shadow");
    private static final Set<String> CASE_KEYS = Set.of("categories", "strong-identifiers", "weak-identifiers", "weak-agreement",
            "benign-min-chats", "benign-max-harmful-share", "follow-image-minutes", "score");
    private static final Set<String> CASE_SCORE_KEYS = Set.of("chat-weight", "reach-weight", "max-spread");
    private static final Set<String> LINEAGE_KEYS = Set.of("weights", "min-score", "min-evidence-kinds", "similar-title-min",
            "shared-senders-min-overlap", "shared-senders-min-count", "shared-media-min-clusters", "meme-max-chats",
            "takedown-window-days", "flagged-min-harmful-items", "young-chat-days");

    private final List<String> problems = new ArrayList<>();

    private PolicyParser() {
    }

    /** The policy shipped with the enricher. */
    public static Policy defaultPolicy() {
        try (InputStream in = PolicyParser.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + DEFAULT_RESOURCE + " on the classpath");
            }
            return parse(in.readAllBytes(), "default (" + DEFAULT_RESOURCE + ")");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The policy in {@code file}, or the default when {@code file} is blank. */
    public static Policy load(String file) {
        if (file == null || file.isBlank()) {
            return defaultPolicy();
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            throw new PolicyException(file, List.of("file not found"));
        }
        try {
            return parse(Files.readAllBytes(path), file);
        } catch (IOException e) {
            throw new PolicyException(file, List.of("cannot read: " + e.getMessage()));
        }
    }

    public static Policy parse(byte[] yaml, String source) {
        JsonNode root;
        try {
            root = YAML.readTree(yaml);
        } catch (IOException e) {
            throw new PolicyException(source, List.of("not valid YAML: " + e.getMessage().lines().findFirst().orElse("")));
        }
        PolicyParser parser = new PolicyParser();
        Policy policy = parser.policy(root, digest(yaml));
        if (!parser.problems.isEmpty()) {
            throw new PolicyException(source, parser.problems);
        }
        return policy;
    }

    private Policy policy(JsonNode root, String digest) {
        if (root == null || !root.isObject()) {
            problems.add("the policy must be a mapping with version, levels, rules, cases and lineage");
            return null;
        }
        unknownKeys(root, TOP_KEYS, "");
        String version = text(root, "version", "version");
        if (version != null && !NAME.matcher(version).matches()) {
            problems.add("version: must be 1-64 lower-case letters, digits, '.', '_' or '-' (got '" + version + "')");
        }
        Policy.Levels levels = levels(required(root, "levels", ""));
        List<Rule> rules = rules(required(root, "rules", ""));
        Policy.Cases cases = cases(required(root, "cases", ""));
        Policy.Lineage lineage = lineage(required(root, "lineage", ""));
        return problems.isEmpty() ? new Policy(version, digest, levels, rules, cases, lineage) : null;
    }

    private Policy.Levels levels(JsonNode node) {
        if (node == null) {
            return null;
        }
        unknownKeys(node, Set.of("low", "medium", "high", "critical"), "levels");
        double low = number(node, "low", "levels.low");
        double medium = number(node, "medium", "levels.medium");
        double high = number(node, "high", "levels.high");
        double critical = number(node, "critical", "levels.critical");
        if (!(0 < low && low < medium && medium < high && high < critical && critical <= 1)) {
            problems.add("levels: must rise strictly: 0 < low < medium < high < critical <= 1");
        }
        return new Policy.Levels(low, medium, high, critical);
    }

    private List<Rule> rules(JsonNode node) {
        List<Rule> rules = new ArrayList<>();
        if (node == null) {
            return rules;
        }
        if (!node.isArray() || node.isEmpty()) {
            problems.add("rules: must be a non-empty list of rules");
            return rules;
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode r = node.get(i);
            String name = r.path("name").asText("");
            String path = "rules[" + i + "]" + (name.isEmpty() ? "" : " (" + name + ")");
            if (!r.isObject()) {
                problems.add(path + ": must be a mapping");
                continue;
            }
            if (!NAME.matcher(name).matches()) {
                problems.add(path + ".name: must be 1-64 lower-case letters, digits, '.', '_' or '-'");
            } else if (!names.add(name)) {
                problems.add(path + ".name: '" + name + "' is used by an earlier rule");
            }
            Rule rule = rule(r, name, path);
            if (rule != null) {
                rules.add(rule);
            }
        }
        return rules;
    }

    private Rule rule(JsonNode r, String name, String path) {
        int before = problems.size();
        unknownKeys(r, RULE_KEYS, path);
        Scope scope = Scope.MESSAGE;
        if (r.has("on")) {
            String on = r.get("on").asText();
            Optional<Scope> s = Scope.ofYaml(on);
            if (s.isEmpty()) {
                problems.add(path + ".on: '" + on + "' is not a kind of finding (bank_match, image, text)");
            } else {
                scope = s.get();
            }
        }
        List<Condition> conditions = conditions(r.get("when"), scope, path + ".when");
        Effect effect = effect(r, scope, path);
        Optional<ContentCategory> category = Optional.empty();
        if (r.has("category")) {
            category = symbol(r.get("category"), ContentCategory.class, path + ".category");
            if (scope == Scope.MESSAGE) {
                problems.add(path + ".category: only an evidence rule (with 'on') gives its finding a category");
            }
        } else if (scope == Scope.IMAGE || scope == Scope.TEXT) {
            problems.add(path + ".category: a rule on " + scope.yamlName() + " must say which category its finding is (NCII, DOXXING, ...)");
        }
        Optional<String> code = optionalText(r, "code");
        code.filter(c -> !CODE.matcher(c).matches())
                .ifPresent(c -> problems.add(path + ".code: must be lower-case letters, digits and '_' (got '" + c + "')"));
        Optional<ReasonTemplate> reason = optionalText(r, "reason").map(t -> ReasonTemplate.parse(t, scopeOrMessage(r), path + ".reason", problems));
        if (reason.isEmpty() && scope == Scope.MESSAGE) {
            problems.add(path + ".reason: a message rule needs a reason (what a moderator reads)");
        }
        Optional<String> queue = optionalText(r, "queue");
        queue.ifPresent(q -> {
            try {
                Topics.queue(q);
            } catch (IllegalArgumentException e) {
                problems.add(path + ".queue: " + e.getMessage());
            }
        });
        Optional<RiskLevel> level = r.has("level") ? symbol(r.get("level"), RiskLevel.class, path + ".level") : Optional.empty();
        if (level.isPresent() && level.get() == RiskLevel.NONE) {
            problems.add(path + ".level: NONE raises nothing; name LOW, MEDIUM, HIGH or CRITICAL");
        }
        if (level.isPresent() && effect instanceof Effect.Note) {
            problems.add(path + ".level: a note changes no score and so sets no level");
        }
        boolean shadow = false;
        if (r.has("shadow")) {
            if (!r.get("shadow").isBoolean()) {
                problems.add(path + ".shadow: must be true or false");
            } else {
                shadow = r.get("shadow").booleanValue();
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Rule(name, scope, conditions, effect, code, category, reason, queue, level, shadow);
    }

    private Scope scopeOrMessage(JsonNode r) {
        return r.has("on") ? Scope.ofYaml(r.get("on").asText()).orElse(Scope.MESSAGE) : Scope.MESSAGE;
    }

    private Effect effect(JsonNode r, Scope scope, String path) {
        List<String> given = new ArrayList<>();
        for (String key : List.of("severity", "add", "note")) {
            if (r.has(key)) {
                given.add(key);
            }
        }
        if (given.size() != 1) {
            problems.add(path + ": needs exactly one of severity (evidence rules), add or note (message rules); has "
                    + (given.isEmpty() ? "none" : String.join(", ", given)));
            return null;
        }
        switch (given.get(0)) {
            case "severity" -> {
                if (scope == Scope.MESSAGE) {
                    problems.add(path + ".severity: only an evidence rule (with 'on') sets a severity; a message rule uses add or note");
                }
                return new Effect.Severity(probability(r.get("severity"), path + ".severity"));
            }
            case "add" -> {
                if (scope != Scope.MESSAGE) {
                    problems.add(path + ".add: an evidence rule sets a severity; add belongs to message rules (without 'on')");
                }
                JsonNode add = r.get("add");
                if (add.isObject()) {
                    unknownKeys(add, Set.of("per", "weight", "max"), path + ".add");
                    String per = text(add, "per", path + ".add.per");
                    Optional<Field> field = per == null ? Optional.empty() : Field.ofKey(per);
                    if (per != null && (field.isEmpty() || field.get().type() != FieldType.COUNT || !field.get().readableIn(Scope.MESSAGE))) {
                        problems.add(path + ".add.per: must be a count a message rule can read (" + countFields() + "), got '" + per + "'");
                    }
                    double weight = probability(add.get("weight"), path + ".add.weight");
                    double max = probability(add.get("max"), path + ".add.max");
                    return new Effect.AddPer(field.orElse(null), weight, max);
                }
                return new Effect.Add(probability(add, path + ".add"));
            }
            default -> {
                if (scope != Scope.MESSAGE) {
                    problems.add(path + ".note: notes belong to message rules (without 'on')");
                }
                if (!r.get("note").isBoolean() || !r.get("note").booleanValue()) {
                    problems.add(path + ".note: must be true (omit it otherwise)");
                }
                return new Effect.Note();
            }
        }
    }

    private static List<String> countFields() {
        return Arrays.stream(Field.values()).filter(f -> f.type() == FieldType.COUNT && f.readableIn(Scope.MESSAGE)).map(Field::key).toList();
    }

    private List<Condition> conditions(JsonNode when, Scope scope, String path) {
        List<Condition> conditions = new ArrayList<>();
        if (when == null) {
            return conditions;
        }
        if (!when.isObject()) {
            problems.add(path + ": must be a mapping of fact: test");
            return conditions;
        }
        Map<Field, Condition> byField = new LinkedHashMap<>();
        Iterator<Map.Entry<String, JsonNode>> fields = when.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> entry = fields.next();
            String at = path + "." + entry.getKey();
            Optional<Field> field = Field.ofKey(entry.getKey());
            if (field.isEmpty()) {
                problems.add(at + ": unknown fact (a rule " + (scope == Scope.MESSAGE ? "without 'on'" : "on " + scope.yamlName())
                        + " can test: " + Field.keysReadableIn(scope) + ")");
                continue;
            }
            Optional<String> unreadable = field.get().whyUnreadableIn(scope);
            if (unreadable.isPresent()) {
                problems.add(at + ": " + entry.getKey() + " " + unreadable.get());
                continue;
            }
            Condition condition = condition(field.get(), entry.getValue(), at);
            if (condition != null) {
                byField.put(field.get(), condition);
                conditions.add(condition);
            }
        }
        contradictions(byField, path);
        return conditions;
    }

    private Condition condition(Field field, JsonNode test, String path) {
        switch (field.type()) {
            case BOOLEAN -> {
                if (!test.isBoolean()) {
                    problems.add(path + ": must be true or false");
                    return null;
                }
                return new Condition.Flag(field, test.booleanValue());
            }
            case PROBABILITY, COUNT -> {
                if (!test.isObject()) {
                    problems.add(path + ": must be a range like {at-least: " + (field.type() == FieldType.COUNT ? "1000" : "0.8")
                            + "} or {at-most: ...}");
                    return null;
                }
                unknownKeys(test, Set.of("at-least", "at-most"), path);
                if (!test.has("at-least") && !test.has("at-most")) {
                    problems.add(path + ": a range needs at-least, at-most or both");
                    return null;
                }
                double min = test.has("at-least") ? bound(field, test.get("at-least"), path + ".at-least") : Double.NaN;
                double max = test.has("at-most") ? bound(field, test.get("at-most"), path + ".at-most") : Double.NaN;
                if (!Double.isNaN(min) && !Double.isNaN(max) && min > max) {
                    problems.add(path + ": impossible: at-least " + min + " is above at-most " + max);
                }
                if (field.type() == FieldType.COUNT && !Double.isNaN(max) && max < 0) {
                    problems.add(path + ": impossible: a count is never below 0");
                }
                return new Condition.Range(field, min, max);
            }
            case ENUM -> {
                Set<String> symbols = symbols(field, test.isArray() ? test : YAML.createArrayNode().add(test), path);
                return symbols == null ? null : new Condition.OneOf(field, symbols);
            }
            default -> {
                if (test.isArray()) {
                    Set<String> symbols = symbols(field, test, path);
                    return symbols == null ? null : new Condition.SetTest(field, Condition.Quantifier.ANY_OF, symbols);
                }
                if (!test.isObject() || test.size() != 1) {
                    problems.add(path + ": must be one of {any-of: [...]}, {all-of: [...]}, {none-of: [...]}");
                    return null;
                }
                String key = test.fieldNames().next();
                Optional<Condition.Quantifier> quantifier = Arrays.stream(Condition.Quantifier.values())
                        .filter(q -> q.yamlName().equals(key)).findFirst();
                if (quantifier.isEmpty()) {
                    problems.add(path + "." + key + ": unknown test (any-of, all-of, none-of)");
                    return null;
                }
                Set<String> symbols = symbols(field, test.get(key), path + "." + key);
                return symbols == null ? null : new Condition.SetTest(field, quantifier.get(), symbols);
            }
        }
    }

    private double bound(Field field, JsonNode value, String path) {
        if (!value.isNumber()) {
            problems.add(path + ": must be a number");
            return Double.NaN;
        }
        double v = value.doubleValue();
        if (field.type() == FieldType.PROBABILITY && (v < 0 || v > 1)) {
            problems.add(path + ": impossible: " + field.key() + " is a probability, 0 to 1 (got " + v + ")");
        }
        return v;
    }

    private Set<String> symbols(Field field, JsonNode list, String path) {
        if (!list.isArray() || list.isEmpty()) {
            problems.add(path + ": impossible: an empty list matches nothing");
            return null;
        }
        Set<String> symbols = new LinkedHashSet<>();
        for (JsonNode item : list) {
            String symbol = item.asText();
            if (!field.symbols().contains(symbol)) {
                problems.add(path + ": '" + symbol + "' is not a value of " + field.key() + " (values: " + field.symbols() + ")");
            } else {
                symbols.add(symbol);
            }
        }
        return symbols;
    }

    /** Conditions on facts that cannot be known together: group facts of an unknown group, a case that is not there. */
    private void contradictions(Map<Field, Condition> byField, String path) {
        for (Field field : byField.keySet()) {
            field.knownFlag().ifPresent(flag -> {
                if (byField.get(flag) instanceof Condition.Flag f && !f.expected()) {
                    problems.add(path + ": impossible: " + field.key() + " is unknown when " + flag.key() + " is false");
                }
            });
            if (field.fromNetwork() && field != Field.NETWORK_AVAILABLE
                    && byField.get(Field.NETWORK_AVAILABLE) instanceof Condition.Flag f && !f.expected()) {
                problems.add(path + ": impossible: " + field.key() + " is unknown when network.available is false");
            }
        }
    }

    private Policy.Cases cases(JsonNode node) {
        if (node == null) {
            return null;
        }
        unknownKeys(node, CASE_KEYS, "cases");
        Set<ContentCategory> categories = enumSet(node.get("categories"), ContentCategory.class, "cases.categories");
        Set<PersonalDataType> strong = enumSet(node.get("strong-identifiers"), PersonalDataType.class, "cases.strong-identifiers");
        Set<PersonalDataType> weak = node.has("weak-identifiers")
                ? enumSet(node.get("weak-identifiers"), PersonalDataType.class, "cases.weak-identifiers") : EnumSet.noneOf(PersonalDataType.class);
        Set<PersonalDataType> both = EnumSet.noneOf(PersonalDataType.class);
        both.addAll(strong);
        both.retainAll(weak);
        if (!both.isEmpty()) {
            problems.add("cases: impossible: " + both + " listed as both strong and weak identifiers");
        }
        int weakAgreement = integer(node, "weak-agreement", "cases.weak-agreement");
        if (weakAgreement < 2) {
            problems.add("cases.weak-agreement: must be at least 2: a case never grows on a single weak identifier (got " + weakAgreement + ")");
        }
        int benignMinChats = integer(node, "benign-min-chats", "cases.benign-min-chats");
        if (benignMinChats < 2) {
            problems.add("cases.benign-min-chats: must be at least 2 (got " + benignMinChats + ")");
        }
        double share = number(node, "benign-max-harmful-share", "cases.benign-max-harmful-share");
        if (!(share > 0 && share <= 1)) {
            problems.add("cases.benign-max-harmful-share: must be above 0 and at most 1 (got " + share + ")");
        }
        int follow = integer(node, "follow-image-minutes", "cases.follow-image-minutes");
        if (follow < 1) {
            problems.add("cases.follow-image-minutes: must be positive (got " + follow + ")");
        }
        JsonNode score = required(node, "score", "cases");
        double chatWeight = 0;
        double reachWeight = 0;
        double maxSpread = 0;
        if (score != null) {
            unknownKeys(score, CASE_SCORE_KEYS, "cases.score");
            chatWeight = probability(score.get("chat-weight"), "cases.score.chat-weight");
            reachWeight = probability(score.get("reach-weight"), "cases.score.reach-weight");
            maxSpread = probability(score.get("max-spread"), "cases.score.max-spread");
        }
        return new Policy.Cases(categories, strong, weak, weakAgreement, benignMinChats, share, follow, chatWeight, reachWeight, maxSpread);
    }

    private Policy.Lineage lineage(JsonNode node) {
        if (node == null) {
            return null;
        }
        unknownKeys(node, LINEAGE_KEYS, "lineage");
        Map<String, Double> weights = new LinkedHashMap<>();
        JsonNode w = required(node, "weights", "lineage");
        if (w != null) {
            unknownKeys(w, Set.copyOf(Policy.Lineage.EVIDENCE_KINDS), "lineage.weights");
            for (String kind : Policy.Lineage.EVIDENCE_KINDS) {
                weights.put(kind, probability(w.get(kind), "lineage.weights." + kind));
            }
        }
        double minScore = probability(node.get("min-score"), "lineage.min-score");
        if (minScore == 0) {
            problems.add("lineage.min-score: must be above 0: every pair of chats would be lineage");
        }
        int kinds = integer(node, "min-evidence-kinds", "lineage.min-evidence-kinds");
        if (kinds < 1 || kinds > Policy.Lineage.EVIDENCE_KINDS.size() - 1) {
            problems.add("lineage.min-evidence-kinds: must be 1 to " + (Policy.Lineage.EVIDENCE_KINDS.size() - 1) + " (got " + kinds + ")");
        }
        double title = probability(node.get("similar-title-min"), "lineage.similar-title-min");
        double overlap = probability(node.get("shared-senders-min-overlap"), "lineage.shared-senders-min-overlap");
        int senders = positive(node, "shared-senders-min-count", "lineage.shared-senders-min-count");
        int media = positive(node, "shared-media-min-clusters", "lineage.shared-media-min-clusters");
        int meme = integer(node, "meme-max-chats", "lineage.meme-max-chats");
        if (meme < 2) {
            problems.add("lineage.meme-max-chats: must be at least 2: a cluster shared by two chats is what the evidence is (got " + meme + ")");
        }
        int window = positive(node, "takedown-window-days", "lineage.takedown-window-days");
        int flagged = positive(node, "flagged-min-harmful-items", "lineage.flagged-min-harmful-items");
        int young = positive(node, "young-chat-days", "lineage.young-chat-days");
        return new Policy.Lineage(weights, minScore, kinds, title, overlap, senders, media, meme, window, flagged, young);
    }

    private <E extends Enum<E>> Set<E> enumSet(JsonNode list, Class<E> type, String path) {
        Set<E> set = EnumSet.noneOf(type);
        if (list == null || !list.isArray() || list.isEmpty()) {
            problems.add(path + ": must be a non-empty list of " + Arrays.toString(type.getEnumConstants()));
            return set;
        }
        for (JsonNode item : list) {
            symbol(item, type, path).ifPresent(set::add);
        }
        return set;
    }

    private <E extends Enum<E>> Optional<E> symbol(JsonNode node, Class<E> type, String path) {
        String value = node.asText();
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) {
                return Optional.of(e);
            }
        }
        problems.add(path + ": '" + value + "' is not one of " + Arrays.toString(type.getEnumConstants()));
        return Optional.empty();
    }

    private void unknownKeys(JsonNode node, Set<String> known, String path) {
        if (!node.isObject()) {
            problems.add((path.isEmpty() ? "policy" : path) + ": must be a mapping");
            return;
        }
        node.fieldNames().forEachRemaining(key -> {
            if (!known.contains(key)) {
                problems.add((path.isEmpty() ? "" : path + ".") + key + ": unknown key (known here: " + known.stream().sorted().toList() + ")");
            }
        });
    }

    private JsonNode required(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || node.isNull()) {
            problems.add((path.isEmpty() ? "" : path + ".") + key + ": must be set");
            return null;
        }
        return node;
    }

    private String text(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            problems.add(path + ": must be set to a text");
            return null;
        }
        return node.asText();
    }

    private static Optional<String> optionalText(JsonNode parent, String key) {
        JsonNode node = parent.get(key);
        return node == null || node.isNull() ? Optional.empty() : Optional.of(node.asText());
    }

    private double number(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isNumber()) {
            problems.add(path + ": must be a number");
            return Double.NaN;
        }
        return node.doubleValue();
    }

    private double probability(JsonNode node, String path) {
        if (node == null || !node.isNumber()) {
            problems.add(path + ": must be a number from 0 to 1");
            return 0;
        }
        double v = node.doubleValue();
        if (v < 0 || v > 1) {
            problems.add(path + ": must be from 0 to 1 (got " + v + ")");
        }
        return v;
    }

    private int integer(JsonNode parent, String key, String path) {
        JsonNode node = parent.get(key);
        if (node == null || !node.canConvertToInt() || !node.isIntegralNumber()) {
            problems.add(path + ": must be a whole number");
            return 0;
        }
        return node.intValue();
    }

    private int positive(JsonNode parent, String key, String path) {
        int v = integer(parent, key, path);
        if (v < 1 && parent.has(key) && parent.get(key).isIntegralNumber()) {
            problems.add(path + ": must be positive (got " + v + ")");
        }
        return v;
    }

    private static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}
