package io.vigil.compliance.transparency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.compliance.export.Csv;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A transparency report as JSON (one document, sections as objects) or CSV (one figure per row: section, metric,
 * key, value; the key names the category, type or ground a figure is counted by, empty for totals).
 */
public enum TransparencyReportFormat {
    JSON, CSV;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public String write(TransparencyFigures figures) {
        return this == JSON ? json(figures) : csv(figures);
    }

    private static String json(TransparencyFigures f) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("period").put("from", f.from().toString()).put("to", f.to().toString());
        ObjectNode notices = root.putObject("notices").put("total", f.notices().total());
        notices.set("byCategory", MAPPER.valueToTree(f.notices().byCategory()));
        notices.set("byReporterType", MAPPER.valueToTree(f.notices().byReporterType()));
        notices.put("fromTrustedFlaggers", f.notices().fromTrustedFlaggers());
        notices.set("byOutcome", MAPPER.valueToTree(f.notices().byOutcome()));
        notices.put("decidedByAutomatedMeans", f.notices().decidedByAutomatedMeans());
        notices.putPOJO("medianSecondsToDecision", f.notices().medianSecondsToDecision());
        ObjectNode own = root.putObject("ownInitiative").put("total", f.ownInitiative().total());
        own.set("byCategory", MAPPER.valueToTree(f.ownInitiative().byCategory()));
        own.set("byDetection", MAPPER.valueToTree(f.ownInitiative().byDetection()));
        own.set("byRestriction", MAPPER.valueToTree(f.ownInitiative().byRestriction()));
        ObjectNode actions = root.putObject("actions").put("enforcementActions", f.actions().enforcementActions());
        actions.set("byType", MAPPER.valueToTree(f.actions().byType()));
        actions.put("restrictions", f.actions().restrictions());
        actions.set("byGroundAndRestriction", MAPPER.valueToTree(f.actions().byGroundAndRestriction()));
        actions.set("byCategory", MAPPER.valueToTree(f.actions().byCategory()));
        actions.set("bySource", MAPPER.valueToTree(f.actions().bySource()));
        root.putObject("automatedMeans").put("restrictions", f.automatedMeans().restrictions())
                .put("automatedDetection", f.automatedMeans().automatedDetection())
                .put("automatedDetectionShare", f.automatedMeans().automatedDetectionShare())
                .put("automatedDecision", f.automatedMeans().automatedDecision())
                .put("automatedDecisionShare", f.automatedMeans().automatedDecisionShare());
        root.putObject("appeals").put("received", f.appeals().received()).put("decided", f.appeals().decided())
                .put("upheld", f.appeals().upheld()).put("reversed", f.appeals().reversed())
                .putPOJO("medianSecondsToDecision", f.appeals().medianSecondsToDecision());
        ObjectNode vigil = root.putObject("vigil").put("messagesWithHashMatch", f.vigil().messagesWithHashMatch())
                .put("mediaWithHashMatch", f.vigil().mediaWithHashMatch());
        vigil.set("mediaMatchedByBankSource", MAPPER.valueToTree(f.vigil().mediaMatchedByBankSource()));
        vigil.put("stayDownHits", f.vigil().stayDownHits()).put("recreatedGroups", f.vigil().recreatedGroups());
        ObjectNode sources = root.putObject("sources");
        f.sources().forEach((topic, source) -> sources.putObject(topic).put("records", source.records())
                .put("earliest", source.earliest().toString()).put("latest", source.latest().toString()));
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the report as JSON", e);
        }
    }

    private static String csv(TransparencyFigures f) {
        List<String> rows = new ArrayList<>();
        rows.add("section,metric,key,value");
        row(rows, "period", "from", "", f.from());
        row(rows, "period", "to", "", f.to());
        row(rows, "notices", "total", "", f.notices().total());
        rows(rows, "notices", "by_category", f.notices().byCategory());
        rows(rows, "notices", "by_reporter_type", f.notices().byReporterType());
        row(rows, "notices", "from_trusted_flaggers", "", f.notices().fromTrustedFlaggers());
        rows(rows, "notices", "by_outcome", f.notices().byOutcome());
        row(rows, "notices", "decided_by_automated_means", "", f.notices().decidedByAutomatedMeans());
        row(rows, "notices", "median_seconds_to_decision", "", f.notices().medianSecondsToDecision());
        row(rows, "own_initiative", "total", "", f.ownInitiative().total());
        rows(rows, "own_initiative", "by_category", f.ownInitiative().byCategory());
        rows(rows, "own_initiative", "by_detection", f.ownInitiative().byDetection());
        rows(rows, "own_initiative", "by_restriction", f.ownInitiative().byRestriction());
        row(rows, "actions", "enforcement_actions", "", f.actions().enforcementActions());
        rows(rows, "actions", "by_type", f.actions().byType());
        row(rows, "actions", "restrictions", "", f.actions().restrictions());
        f.actions().byGroundAndRestriction().forEach((ground, counts) ->
                counts.forEach((restriction, count) -> row(rows, "actions", "by_ground_and_restriction", ground + "/" + restriction, count)));
        rows(rows, "actions", "by_category", f.actions().byCategory());
        rows(rows, "actions", "by_source", f.actions().bySource());
        row(rows, "automated_means", "restrictions", "", f.automatedMeans().restrictions());
        row(rows, "automated_means", "automated_detection", "", f.automatedMeans().automatedDetection());
        row(rows, "automated_means", "automated_detection_share", "", f.automatedMeans().automatedDetectionShare());
        row(rows, "automated_means", "automated_decision", "", f.automatedMeans().automatedDecision());
        row(rows, "automated_means", "automated_decision_share", "", f.automatedMeans().automatedDecisionShare());
        row(rows, "appeals", "received", "", f.appeals().received());
        row(rows, "appeals", "decided", "", f.appeals().decided());
        row(rows, "appeals", "upheld", "", f.appeals().upheld());
        row(rows, "appeals", "reversed", "", f.appeals().reversed());
        row(rows, "appeals", "median_seconds_to_decision", "", f.appeals().medianSecondsToDecision());
        row(rows, "vigil", "messages_with_hash_match", "", f.vigil().messagesWithHashMatch());
        row(rows, "vigil", "media_with_hash_match", "", f.vigil().mediaWithHashMatch());
        rows(rows, "vigil", "media_matched_by_bank_source", f.vigil().mediaMatchedByBankSource());
        row(rows, "vigil", "stay_down_hits", "", f.vigil().stayDownHits());
        row(rows, "vigil", "recreated_groups", "", f.vigil().recreatedGroups());
        f.sources().forEach((topic, source) -> {
            row(rows, "sources", "records", topic, source.records());
            row(rows, "sources", "earliest", topic, source.earliest());
            row(rows, "sources", "latest", topic, source.latest());
        });
        return String.join("\n", rows) + "\n";
    }

    private static void rows(List<String> rows, String section, String metric, Map<String, Long> counts) {
        counts.forEach((key, value) -> row(rows, section, metric, key, value));
    }

    private static void row(List<String> rows, String section, String metric, String key, Object value) {
        rows.add(String.join(",", section, metric, Csv.field(key), value == null ? "" : Csv.field(String.valueOf(value))));
    }

    public static TransparencyReportFormat parse(String name) {
        return valueOf(name.toUpperCase(Locale.ROOT));
    }
}
