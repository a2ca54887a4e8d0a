package io.vigil.standalone.backtest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.schemas.ClusterSighting;
import io.vigil.schemas.LineageRecord;
import io.vigil.schemas.PersonalDataEntity;
import io.vigil.schemas.QueueItem;
import io.vigil.schemas.RiskAssessment;
import io.vigil.schemas.RiskReason;
import io.vigil.schemas.TextSignal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A backtest's results and the JSON lines it writes, the contract scripts rely on:
 * <ul>
 *   <li>per message: {@code {"kind":"message","chatId","messageId","sentAt","level","score","queue","doxxing","entities",
 *       "mediaClusters","caseId","reasons"}}, in event time; an edited message's line is its last assessment;</li>
 *   <li>per message the pipeline could not take: {@code {"kind":"dead_letter","chatId","messageId","stage","reason"}};</li>
 *   <li>then the network's findings ({@link NetworkFindings}): spread, case and lineage lines.</li>
 * </ul>
 * Entities carry their type and span only; neither text nor personal data leave the pipeline here.
 */
public final class BacktestResults {

    private record DeadLetter(String stage, String reason) {
    }

    private final Map<String, RiskAssessment> assessments = new LinkedHashMap<>();
    private final Map<String, String> queues = new HashMap<>();
    private final Map<String, DeadLetter> deadLetters = new LinkedHashMap<>();
    private final NetworkFindings network = new NetworkFindings();

    static String key(String chatId, String messageId) {
        return chatId + ":" + messageId;
    }

    /** An assessment, in the order the topic holds them: a later one of the same message (an edit) replaces it. */
    public void assessment(RiskAssessment assessment) {
        assessments.put(key(assessment.getChatId(), assessment.getMessageId()), assessment);
        network.add(assessment);
    }

    /** A record of the enricher's {@code group-lineage} topic, in the order the topic holds them. */
    public void lineage(LineageRecord record) {
        network.add(record);
    }

    public void queued(QueueItem item) {
        queues.put(key(item.getChatId(), item.getMessageId()), item.getQueue());
    }

    public void deadLetter(String chatId, String messageId, String stage, String reason) {
        deadLetters.put(key(chatId, messageId), new DeadLetter(stage, reason));
    }

    public int assessed() {
        return assessments.size();
    }

    public int deadLettered() {
        return deadLetters.size();
    }

    public boolean has(String chatId, String messageId) {
        String key = key(chatId, messageId);
        return assessments.containsKey(key) || deadLetters.containsKey(key);
    }

    /** Every line, in the order written. */
    public List<ObjectNode> lines(ObjectMapper json) {
        List<RiskAssessment> inTime = new ArrayList<>(assessments.values());
        inTime.sort(Comparator.comparing(RiskAssessment::getSentAt).thenComparing(RiskAssessment::getChatId)
                .thenComparing(RiskAssessment::getMessageId));
        List<ObjectNode> lines = new ArrayList<>();
        for (RiskAssessment assessment : inTime) {
            lines.add(messageLine(json, assessment, queues.get(key(assessment.getChatId(), assessment.getMessageId()))));
        }
        deadLetters.forEach((key, letter) -> {
            int split = key.lastIndexOf(':');
            lines.add(json.createObjectNode().put("kind", "dead_letter").put("chatId", key.substring(0, split))
                    .put("messageId", key.substring(split + 1)).put("stage", letter.stage()).put("reason", letter.reason()));
        });
        lines.addAll(network.lines(json));
        return lines;
    }

    /** Scores to four decimals: what a policy change moves, without floating-point noise. */
    static double rounded(double score) {
        return Math.round(score * 10_000) / 10_000.0;
    }

    private ObjectNode messageLine(ObjectMapper json, RiskAssessment assessment, String queue) {
        ObjectNode line = json.createObjectNode().put("kind", "message")
                .put("chatId", assessment.getChatId()).put("messageId", assessment.getMessageId())
                .put("sentAt", assessment.getSentAt().toString())
                .put("level", assessment.getLevel().name().toLowerCase(Locale.ROOT))
                .put("score", rounded(assessment.getScore()));
        line.put("queue", queue);
        TextSignal text = assessment.getDetection() == null ? null : assessment.getDetection().getText();
        line.put("doxxing", text != null && text.getDoxxing());
        ArrayNode entities = line.putArray("entities");
        if (text != null) {
            for (PersonalDataEntity entity : text.getEntities()) {
                ObjectNode e = entities.addObject().put("type", entity.getType().name()).put("start", entity.getStart()).put("end", entity.getEnd());
                if (entity.getMediaIndex() != null) {
                    e.put("mediaIndex", entity.getMediaIndex());
                }
            }
        }
        ArrayNode clusters = line.putArray("mediaClusters");
        if (assessment.getNetwork() != null) {
            assessment.getNetwork().getClusters().stream().sorted(Comparator.comparingInt(ClusterSighting::getMediaIndex))
                    .forEach(c -> clusters.add(c.getClusterId()));
        }
        line.put("caseId", assessment.getNetwork() == null || assessment.getNetwork().getVictimCase() == null
                ? null : network.finalCase(assessment.getNetwork().getVictimCase().getCaseId()));
        ArrayNode reasons = line.putArray("reasons");
        for (RiskReason reason : assessment.getReasons()) {
            reasons.add(reason.getCode());
        }
        return line;
    }

    /** Writes the lines to the file (replacing it). */
    public void write(Path file, ObjectMapper json) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (ObjectNode line : lines(json)) {
                out.write(json.writeValueAsString(line));
                out.write('\n');
            }
        }
    }
}
