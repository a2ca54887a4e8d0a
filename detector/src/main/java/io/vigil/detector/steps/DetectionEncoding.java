package io.vigil.detector.steps;

import io.vigil.detector.DetectorMetrics;
import io.vigil.runtime.streams.OutputBound;
import io.vigil.schemas.AppliedLimit;
import io.vigil.schemas.Detection;
import io.vigil.schemas.MediaSignal;
import io.vigil.schemas.TextSignal;
import io.vigil.schemas.serde.AvroSerde;
import io.vigil.schemas.topics.Topics;

import java.util.ArrayList;
import java.util.List;

/**
 * Encodes the Detection for the detections topic, within the detector's record budget. A Detection that would be
 * larger is trimmed, not lost: first its personal-data entities (the score and decision already count them all), then
 * the words of its per-media notes, and the Detection records what was cut ({@code record_trimmed}). The budget is well
 * under the record limit because the records downstream embed the detection; only a Detection that cannot be brought
 * under the record limit at all is refused, as a dead letter, by {@link OutputBound}.
 */
public final class DetectionEncoding {

    private static final AvroSerde<Detection> SERDE = AvroSerde.of(Detection.class);
    private static final String TOPIC = Topics.DETECTIONS.name();

    private final int budgetBytes;
    private final int maxRecordBytes;
    private final DetectorMetrics metrics;

    public DetectionEncoding(int budgetBytes, int maxRecordBytes, DetectorMetrics metrics) {
        this.budgetBytes = budgetBytes;
        this.maxRecordBytes = maxRecordBytes;
        this.metrics = metrics;
    }

    public byte[] encode(Detection detection) {
        byte[] bytes = SERDE.serialize(TOPIC, detection);
        if (bytes.length <= budgetBytes) {
            return bytes;
        }
        int originalSize = bytes.length;
        Detection trimmed = detection;
        TextSignal text = detection.getText();
        int entities = text == null ? 0 : text.getEntities().size();
        int kept = entities;
        while (bytes.length > budgetBytes && kept > 0) {
            kept = kept / 2;
            trimmed = withEntities(detection, kept);
            bytes = SERDE.serialize(TOPIC, trimmed);
        }
        boolean notesCut = false;
        if (bytes.length > budgetBytes) {
            trimmed = withoutNoteWords(trimmed);
            bytes = SERDE.serialize(TOPIC, trimmed);
            notesCut = true;
        }
        String detail = "encoded " + originalSize + " bytes, over the " + budgetBytes + "-byte budget: kept " + kept + " of "
                + entities + " personal-data entities" + (notesCut ? " and cut the words of the per-media notes" : "");
        List<AppliedLimit> limits = new ArrayList<>(trimmed.getLimits());
        limits.add(new AppliedLimit("record_trimmed", detail));
        trimmed = Detection.newBuilder(trimmed).setLimits(limits).build();
        metrics.limitApplied("record_trimmed");
        return OutputBound.encode(SERDE, TOPIC, maxRecordBytes).apply(trimmed);
    }

    private static Detection withEntities(Detection detection, int keep) {
        TextSignal text = detection.getText();
        TextSignal fewer = TextSignal.newBuilder(text).setEntities(new ArrayList<>(text.getEntities().subList(0, keep))).build();
        return Detection.newBuilder(detection).setText(fewer).build();
    }

    private static Detection withoutNoteWords(Detection detection) {
        List<MediaSignal> media = detection.getMedia().stream().map(signal -> MediaSignal.newBuilder(signal)
                .setSkipped(signal.getSkipped().stream().map(s -> new io.vigil.schemas.SkippedStep(s.getStep(), "")).toList())
                .setErrors(signal.getErrors().stream().map(e -> new io.vigil.schemas.MediaError(e.getCode(), "")).toList())
                .build()).toList();
        return Detection.newBuilder(detection).setMedia(media).build();
    }
}
