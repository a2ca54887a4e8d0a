package io.vigil.enricher.policy;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A policy is checked whole before anything runs, and every problem is named with its place in the file. */
class PolicyParserTest {

    @Test
    void theDefaultPolicyLoadsWithAVersionAndTheDigestOfItsFile() {
        Policy policy = PolicyParser.defaultPolicy();

        assertThat(policy.version()).isEqualTo("vigil-default-2");
        assertThat(policy.label()).matches("vigil-default-2\\+[0-9a-f]{8}");
        assertThat(policy.rules()).extracting(Rule::name).contains("bank-match-ncii", "explicit-image", "doxxing", "large_group",
                "spread_to_new_chat", "victim_case", "recreated_chat", "vigil_strikes");
        assertThat(policy.rules()).filteredOn(Rule::shadow).extracting(Rule::name).containsExactly("explicit-image-lower-threshold-trial");
    }

    @Test
    void anEditWithoutANewVersionStillChangesTheRecordedPolicyVersion() throws IOException {
        String yaml = defaultYaml();
        Policy edited = PolicyParser.parse(yaml.replace("add: 0.05\n", "add: 0.06\n").getBytes(StandardCharsets.UTF_8), "edited");

        assertThat(edited.version()).isEqualTo(PolicyParser.defaultPolicy().version());
        assertThat(edited.label()).isNotEqualTo(PolicyParser.defaultPolicy().label());
    }

    @Test
    void unknownKeysAndFactsAreErrorsThatSayWhatIsKnown() {
        List<String> problems = problems(rule("""
                  - name: typo
                    when: {group.member: {at-least: 1000}}
                    add: 0.05
                    reasn: "x"
                """));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("rules[0] (typo).reasn: unknown key"));
        assertThat(problems).anySatisfy(p -> assertThat(p)
                .startsWith("rules[0] (typo).when.group.member: unknown fact (a rule without 'on' can test: [group.known, group.members"));
        assertThat(problems).anySatisfy(p -> assertThat(p).isEqualTo("rules[0] (typo).reason: a message rule needs a reason (what a moderator reads)"));
    }

    @Test
    void impossibleConditionsAreErrors() {
        List<String> problems = problems(rule("""
                  - name: empty-range
                    when: {group.members: {at-least: 5000, at-most: 1000}}
                    add: 0.05
                    reason: r
                  - name: not-a-probability
                    on: image
                    when: {explicit: {at-least: 1.5}}
                    severity: 0.6
                    category: NCII
                  - name: unknown-group-with-members
                    when: {group.known: false, group.members: {at-least: 1}}
                    note: true
                    reason: r
                  - name: no-symbol
                    on: bank_match
                    when: {category: [NCIII]}
                    severity: 0.9
                  - name: empty-list
                    when: {entity-types: {any-of: []}}
                    add: 0.01
                    reason: r
                  - name: negative-count
                    when: {vigil.strikes: {at-most: -1}}
                    add: 0.01
                    reason: r
                """));

        assertThat(problems).contains(
                "rules[0] (empty-range).when.group.members: impossible: at-least 5000.0 is above at-most 1000.0",
                "rules[1] (not-a-probability).when.explicit.at-least: impossible: explicit is a probability, 0 to 1 (got 1.5)",
                "rules[2] (unknown-group-with-members).when: impossible: group.members is unknown when group.known is false",
                "rules[4] (empty-list).when.entity-types.any-of: impossible: an empty list matches nothing",
                "rules[5] (negative-count).when.vigil.strikes: impossible: a count is never below 0");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("rules[3] (no-symbol).when.category: 'NCIII' is not a value of category"));
    }

    @Test
    void evidenceRulesCannotReadTheNetworkAndEffectsBelongToTheirKindOfRule() {
        List<String> problems = problems(rule("""
                  - name: spread-as-evidence
                    on: image
                    when: {cluster.chats: {at-least: 3}}
                    severity: 0.9
                    category: NCII
                  - name: severity-on-message
                    when: {forwarded: true}
                    severity: 0.5
                    reason: r
                  - name: add-on-evidence
                    on: bank_match
                    add: 0.1
                  - name: image-without-category
                    on: image
                    when: {explicit: {at-least: 0.9}}
                    severity: 0.7
                  - name: bank-fact-on-text
                    on: text
                    when: {distance: {at-most: 10}}
                    severity: 0.7
                    category: DOXXING
                  - name: two-effects
                    when: {forwarded: true}
                    add: 0.1
                    note: true
                    reason: r
                """));

        assertThat(problems).contains(
                "rules[0] (spread-as-evidence).when.cluster.chats: cluster.chats is read by message rules only (evidence rules set the severity before the network memory is asked)",
                "rules[1] (severity-on-message).severity: only an evidence rule (with 'on') sets a severity; a message rule uses add or note",
                "rules[2] (add-on-evidence).add: an evidence rule sets a severity; add belongs to message rules (without 'on')",
                "rules[3] (image-without-category).category: a rule on image must say which category its finding is (NCII, DOXXING, ...)",
                "rules[4] (bank-fact-on-text).when.distance: distance is a fact of one bank match: use it in a rule with 'on: bank_match'",
                "rules[5] (two-effects): needs exactly one of severity (evidence rules), add or note (message rules); has add, note");
    }

    @Test
    void reasonsMayOnlySayWhatTheirRuleKnows() {
        List<String> problems = problems(rule("""
                  - name: bad-placeholder
                    when: {forwarded: true}
                    add: 0.01
                    reason: "Forwarded into {group.membrs} members"
                  - name: wrong-scope-placeholder
                    on: bank_match
                    when: {category: [NCII]}
                    severity: 0.9
                    reason: "{case.summary}"
                  - name: stray-brace
                    when: {forwarded: true}
                    add: 0.01
                    reason: "a { brace"
                """));

        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("rules[0] (bad-placeholder).reason: unknown placeholder {group.membrs}"));
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith(
                "rules[1] (wrong-scope-placeholder).reason: placeholder {case.summary} is not known to a rule on bank_match"));
        assertThat(problems).contains("rules[2] (stray-brace).reason: a brace that is not a placeholder like {group.members}");
    }

    @Test
    void namesQueuesAndLevelsAreChecked() {
        List<String> problems = problems(rule("""
                  - name: Bad Name
                    when: {forwarded: true}
                    add: 0.01
                    reason: r
                  - name: twice
                    when: {forwarded: true}
                    add: 0.01
                    reason: r
                  - name: twice
                    when: {forwarded: true}
                    add: 0.01
                    reason: r
                    queue: "../etc"
                    level: NONE
                """));

        assertThat(problems).contains("rules[0] (Bad Name).name: must be 1-64 lower-case letters, digits, '.', '_' or '-'",
                "rules[2] (twice).name: 'twice' is used by an earlier rule",
                "rules[2] (twice).level: NONE raises nothing; name LOW, MEDIUM, HIGH or CRITICAL");
        assertThat(problems).anySatisfy(p -> assertThat(p).startsWith("rules[2] (twice).queue: queue name '../etc' must match"));
    }

    @Test
    void caseAndLineageWeightsAreChecked() throws IOException {
        String yaml = defaultYaml().replace("weak-agreement: 2", "weak-agreement: 1").replace("min-score: 0.6", "min-score: 0")
                .replace("levels: {low: 0.2, medium: 0.4, high: 0.6, critical: 0.85}", "levels: {low: 0.2, medium: 0.7, high: 0.6, critical: 0.85}")
                .replace("  strong-identifiers: [PHONE,", "  strong-identifiers: [ADDRESS, PHONE,");

        assertThatThrownBy(() -> PolicyParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "edited.yaml"))
                .isInstanceOf(PolicyException.class)
                .hasMessageStartingWith("policy edited.yaml has 4 problem(s):")
                .satisfies(e -> assertThat(((PolicyException) e).problems()).containsExactlyInAnyOrder(
                        "levels: must rise strictly: 0 < low < medium < high < critical <= 1",
                        "cases: impossible: [ADDRESS] listed as both strong and weak identifiers",
                        "cases.weak-agreement: must be at least 2: a case never grows on a single weak identifier (got 1)",
                        "lineage.min-score: must be above 0: every pair of chats would be lineage"));
    }

    @Test
    void duplicateKeysAndBrokenYamlAreRefused() {
        assertThatThrownBy(() -> PolicyParser.parse("version: a\nversion: b\n".getBytes(StandardCharsets.UTF_8), "dup.yaml"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("not valid YAML: Duplicate field 'version'");
        assertThatThrownBy(() -> PolicyParser.load("/no/such/policy.yaml"))
                .isInstanceOf(PolicyException.class).hasMessageContaining("file not found");
    }

    private static List<String> problems(String yaml) {
        try {
            PolicyParser.parse(yaml.getBytes(StandardCharsets.UTF_8), "test");
            throw new AssertionError("expected the policy to be refused");
        } catch (PolicyException e) {
            return e.problems();
        }
    }

    /** The default policy's levels, cases and lineage around the given rules. */
    private static String rule(String rules) {
        try {
            String yaml = defaultYaml();
            int start = yaml.indexOf("\nrules:\n") + "\nrules:\n".length();
            int end = yaml.indexOf("\ncases:\n");
            return yaml.substring(0, start) + rules + yaml.substring(end);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String defaultYaml() throws IOException {
        try (InputStream in = PolicyParser.class.getResourceAsStream(PolicyParser.DEFAULT_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
