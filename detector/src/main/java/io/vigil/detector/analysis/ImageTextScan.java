package io.vigil.detector.analysis;

import io.vigil.detector.doxxing.TextScan;
import io.vigil.detector.ocr.TextBox;

import java.util.List;

/**
 * The doxxing detector's findings in the text read from one image: the scan (offsets count in that image's read
 * text) and, for each of its entities in order, where in the image it was read.
 *
 * @param mediaIndex index of the image among the message's media
 */
public record ImageTextScan(int mediaIndex, TextScan scan, List<TextBox> boxes) {

    public ImageTextScan {
        boxes = List.copyOf(boxes);
        if (boxes.size() != scan.entities().size()) {
            throw new IllegalArgumentException("one box per entity");
        }
    }
}
