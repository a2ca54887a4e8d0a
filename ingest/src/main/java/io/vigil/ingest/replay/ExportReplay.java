package io.vigil.ingest.replay;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.ingest.blobs.MediaStore;
import io.vigil.ingest.groups.GroupsFile;
import io.vigil.ingest.telegram.export.ChatProfile;
import io.vigil.ingest.telegram.export.ExportChat;
import io.vigil.ingest.telegram.export.ExportChatMapper;
import io.vigil.ingest.telegram.export.ExportMapping;
import io.vigil.ingest.telegram.export.ExportProblem;
import io.vigil.ingest.telegram.export.ExportReader;
import io.vigil.ingest.telegram.export.ExportVisitor;
import io.vigil.schemas.ForwardOrigin;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.MessageEvent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Telegram Desktop exports read and ready to replay: every chat of every file mapped to events (media copied into the
 * blob store on the way), then handed out merged in event time across all chats and files, with ties kept in the
 * order the files were given and the messages written. Reading comes first and whole, so that the chats' metadata,
 * inferred from everything an export says about them, can be written before their first message.
 */
public final class ExportReplay implements AutoCloseable {

    /**
     * @param maxMediaBytes       media files larger than this are not copied (the item stays, marked too_large)
     * @param exportZone          the zone of the exporting machine, for old exports without {@code date_unixtime}
     * @param includePrivateChats replay one-to-one chats too (a full export has them; Vigil watches groups and channels)
     */
    public record Options(long maxMediaBytes, ZoneId exportZone, boolean includePrivateChats) {
    }

    private final List<ChatSpill> spills = new ArrayList<>();
    private final Path spillDir;
    private final ExportMapping mapping;
    private final GroupsFile groups;
    private final Map<String, String> chatByTitle;
    private long events;

    private ExportReplay(Path spillDir, ExportMapping mapping, GroupsFile groups) {
        this.spillDir = spillDir;
        this.mapping = mapping;
        this.groups = groups;
        this.chatByTitle = new HashMap<>();
    }

    /**
     * Reads the exports. Problems (broken JSON, missing files, unknown types) are reported and counted, and reading
     * goes on with the rest.
     */
    public static ExportReplay read(List<Path> resultJsons, GroupsFile groups, MediaStore media, Options options,
                                    Consumer<ExportProblem> problems, Tally tally) {
        Path spillDir;
        try {
            spillDir = Files.createTempDirectory("vigil-replay-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary folder for the replay", e);
        }
        ExportMapping mapping = new ExportMapping(media, options.maxMediaBytes(), options.exportZone(), groups.basicGroupBySupergroup(), tally);
        ExportReplay replay = new ExportReplay(spillDir, mapping, groups);
        try {
            for (Path file : resultJsons) {
                ExportReader.read(file, replay.new Reading(options, problems, tally));
                tally.add("files");
            }
        } catch (RuntimeException e) {
            replay.close();
            throw e;
        }
        replay.spillTakedowns();
        replay.indexTitles();
        return replay;
    }

    /** The chats read, with what their exports say of them. */
    public Collection<ChatProfile> chats() {
        return mapping.profiles().values();
    }

    /** Metadata for every chat read and every chat of the groups file: the file's fields over the export's. */
    public List<GroupMetadata> groupMetadata(Instant now) {
        return groups.all(chats(), now);
    }

    /** How many events {@link #events()} hands out. */
    public long eventCount() {
        return events;
    }

    /** The events of all chats, merged in event time. Each call reads the spilled chats again from their start. */
    public Iterator<ReplayEvent> events() {
        return new Merge();
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(spillDir)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(spillDir);
        } catch (IOException e) {
            // A temporary folder left behind is not worth failing a finished replay for.
        }
    }

    /** The takedowns the groups file records, as group events in the same event-time order as the chats' own. */
    private void spillTakedowns() {
        List<io.vigil.schemas.GroupEvent> takedowns = groups.takedowns();
        if (takedowns.isEmpty()) {
            return;
        }
        try {
            ChatSpill spill = new ChatSpill(spillDir.resolve("takedowns.spill"));
            for (io.vigil.schemas.GroupEvent takedown : takedowns) {
                spill.add(ReplayEvent.of(takedown));
                events++;
            }
            spill.finish();
            spills.add(spill);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the replay's temporary files", e);
        }
    }

    /**
     * A chat's title names it when no other replayed chat has the same one: that is how an export's forward, which
     * gives only the origin's name, gets its origin chat.
     */
    private void indexTitles() {
        Set<String> ambiguous = new HashSet<>();
        for (GroupMetadata chat : groupMetadata(Instant.EPOCH)) {
            String title = chat.getTitle();
            if (title == null || title.isBlank()) {
                continue;
            }
            if (chatByTitle.putIfAbsent(title, chat.getChatId()) != null) {
                ambiguous.add(title);
            }
        }
        ambiguous.forEach(chatByTitle::remove);
    }

    private ReplayEvent resolveForward(ReplayEvent event) {
        if (!event.isMessage() || event.forwardedFromName() == null) {
            return event;
        }
        String origin = chatByTitle.get(event.forwardedFromName());
        MessageEvent message = event.message();
        if (origin != null && !origin.equals(message.getChatId()) && message.getForwardedFrom() != null) {
            message.setForwardedFrom(ForwardOrigin.newBuilder(message.getForwardedFrom()).setChatId(origin).build());
        }
        return new ReplayEvent(event.sentAt(), event.chatId(), message, null, null);
    }

    /** Pass one: each chat of a file into its own spill, through its mapper. */
    private final class Reading implements ExportVisitor {
        private final Options options;
        private final Consumer<ExportProblem> problems;
        private final Tally tally;
        private ExportChatMapper mapper;
        private ChatSpill spill;

        Reading(Options options, Consumer<ExportProblem> problems, Tally tally) {
            this.options = options;
            this.problems = problems;
            this.tally = tally;
        }

        @Override
        public void chatStarted(ExportChat chat) {
            mapper = null;
            spill = null;
            if (chat.chatId().isEmpty()) {
                tally.add("chats_skipped.unknown_type_or_id");
                problems.accept(new ExportProblem(chat.file(), null, null, 0, "unknown_chat",
                        "chat #" + chat.ordinal() + " has no usable type and id; its messages are not replayed"));
                return;
            }
            if (!chat.type().isGroupOrChannel() && !options.includePrivateChats()) {
                tally.add("chats_skipped.private_chat");
                return;
            }
            try {
                spill = new ChatSpill(spillDir.resolve("chat-" + spills.size() + ".spill"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the replay's temporary files", e);
            }
            spills.add(spill);
            tally.add("chats");
            mapper = mapping.mapperFor(chat, chat.chatId().get(), new ExportChatMapper.Output() {
                @Override
                public void event(ReplayEvent event) {
                    try {
                        spill.add(event);
                        events++;
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the replay's temporary files", e);
                    }
                }

                @Override
                public void problem(ExportProblem problem) {
                    Reading.this.problem(problem);
                }
            });
        }

        @Override
        public void message(ExportChat chat, ObjectNode message, long line) {
            if (mapper != null) {
                mapper.message(message, line);
            }
        }

        @Override
        public void chatEnded(ExportChat chat) {
            if (mapper == null) {
                return;
            }
            mapper.end();
            try {
                spill.finish();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the replay's temporary files", e);
            }
            mapper = null;
        }

        @Override
        public void problem(ExportProblem problem) {
            tally.add("problems." + problem.code());
            problems.accept(problem);
        }
    }

    /** Pass two: the spills side by side, the earliest event first; ties go to the spill read first. */
    private final class Merge implements Iterator<ReplayEvent> {
        private record Head(ReplayEvent event, int spill, ChatSpill.Reader reader) {
        }

        private final PriorityQueue<Head> heads = new PriorityQueue<>((a, b) -> a.event().sentAt() != b.event().sentAt()
                ? Long.compare(a.event().sentAt(), b.event().sentAt()) : Integer.compare(a.spill(), b.spill()));

        Merge() {
            for (int i = 0; i < spills.size(); i++) {
                try {
                    ChatSpill.Reader reader = new ChatSpill.Reader(spills.get(i).file());
                    advance(i, reader);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the replay's temporary files", e);
                }
            }
        }

        private void advance(int spill, ChatSpill.Reader reader) throws IOException {
            ReplayEvent next = reader.next();
            if (next == null) {
                reader.close();
            } else {
                heads.add(new Head(next, spill, reader));
            }
        }

        @Override
        public boolean hasNext() {
            return !heads.isEmpty();
        }

        @Override
        public ReplayEvent next() {
            Head head = heads.poll();
            if (head == null) {
                throw new NoSuchElementException();
            }
            try {
                advance(head.spill(), head.reader());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the replay's temporary files", e);
            }
            return resolveForward(head.event());
        }
    }
}
