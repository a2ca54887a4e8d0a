package io.vigil.standalone.commands.replay;

import io.vigil.ingest.blobs.BlobWriter;
import io.vigil.ingest.groups.GroupsFile;
import io.vigil.ingest.replay.ExportReplay;
import io.vigil.ingest.replay.Tally;
import io.vigil.ingest.telegram.export.ExportFiles;
import io.vigil.ingest.telegram.export.ExportProblem;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** Which Telegram exports to read and how: shared by {@code vigil replay} and {@code vigil backtest}. */
public final class ExportOptions {

    /** The detector's default media.max-blob-bytes: a larger file would not be analysed anyway. */
    static final long DEFAULT_MAX_MEDIA_BYTES = 52_428_800L;

    @Option(names = "--telegram-export", required = true, paramLabel = "DIR",
            description = "A Telegram Desktop export (ChatExport_* or DataExport_* folder, its result.json, or a folder of "
                    + "exports); repeat for several, merged in event time.")
    List<Path> exports;

    @Option(names = "--groups", paramLabel = "FILE",
            description = "JSON lines of what the platform knows per chat (GroupMetadata's fields: chatId, kind, visibility, "
                    + "memberCount, status, takenDownAt, ownerId, adminIds, inviteLinks, migratedToChatId, ...).")
    Path groups;

    @Option(names = "--export-timezone", paramLabel = "ZONE", defaultValue = "UTC",
            description = "Time zone of the machine that wrote old exports without date_unixtime (default: ${DEFAULT-VALUE}).")
    ZoneId exportZone;

    @Option(names = "--max-media-bytes", paramLabel = "N", defaultValue = "52428800",
            description = "Media files larger than this are not copied; the message keeps them as media of unknown content "
                    + "(default: ${DEFAULT-VALUE}, the detector's limit).")
    long maxMediaBytes = DEFAULT_MAX_MEDIA_BYTES;

    @Option(names = "--include-private-chats", description = "Also replay one-to-one chats of a full export (left out by default).")
    boolean includePrivateChats;

    public List<Path> exports() {
        return exports;
    }

    public GroupsFile groupsFile() throws IOException, GroupsFile.InvalidException {
        return groups == null ? GroupsFile.empty() : GroupsFile.read(groups);
    }

    /** Reads the exports, copying their media under {@code blobRoot}. */
    public ExportReplay read(GroupsFile groupsFile, Path blobRoot, Consumer<ExportProblem> problems, Tally tally) {
        return ExportReplay.read(ExportFiles.find(exports), groupsFile, new BlobWriter(blobRoot, "telegram"),
                new ExportReplay.Options(maxMediaBytes, exportZone, includePrivateChats), problems, tally);
    }
}
