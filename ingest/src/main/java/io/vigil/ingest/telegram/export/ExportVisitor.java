package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Receives an export as {@link ExportReader} reads it: each chat, its messages in file order, then its end. */
public interface ExportVisitor {

    void chatStarted(ExportChat chat);

    /** One message object as written; {@code line} is where it starts in the file. */
    void message(ExportChat chat, ObjectNode message, long line);

    void chatEnded(ExportChat chat);

    void problem(ExportProblem problem);
}
