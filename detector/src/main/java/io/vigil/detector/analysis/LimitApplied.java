package io.vigil.detector.analysis;

/**
 * A bound the detector applied to one message (text scanned in part, entities cut, images not decoded, the record
 * trimmed), carried into the Detection so that nothing is cut silently.
 *
 * @param code   stable machine code: text_truncated, entities_trimmed, message_pixel_budget, record_trimmed
 * @param detail counts and sizes only, never content
 */
public record LimitApplied(String code, String detail) {
}
