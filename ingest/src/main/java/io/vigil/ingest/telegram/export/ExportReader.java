package io.vigil.ingest.telegram.export;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.ingest.telegram.ExportChatType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams a Telegram Desktop export's {@code result.json}, in either layout: a single chat ({@code name}, {@code type},
 * {@code id}, {@code messages} at the top) or a full data export ({@code chats.list[]} and {@code left_chats.list[]},
 * each chat with its own {@code messages}). Only chats and their messages are read; the account's personal
 * information, contacts and sessions are skipped unread. Memory stays at one message whatever the file's size.
 *
 * <p>Bad input does not stop the file. {@code \xHH} escapes are read through {@link LenientJsonReader}. Where the
 * JSON itself is broken, the reader reports the line and the last message read, then resumes at the next line that
 * starts a message or a chat at the indentation Telegram's writer uses for them (one space per level), re-creating
 * the nesting it was in; a file that cannot be resynchronised is reported as unreadable from that line.
 */
public final class ExportReader {

    private static final JsonFactory JSON = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
            .enable(JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER)
            // Error messages must not quote the file: it is message text.
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(JSON);

    /** Which list of chats a chat is in, so that a resumed read re-creates the same nesting. */
    private enum Section {
        SINGLE(""), CHATS("chats"), LEFT_CHATS("left_chats");

        final String field;

        Section(String field) {
            this.field = field;
        }
    }

    /** Where to pick up after broken JSON: a line that starts a message of {@code chat}, or (chat null) a chat. */
    private record Resume(long line, Section section, ExportChat chat) {

        String prefix() {
            String opening = section == Section.SINGLE ? "{" : "{\"" + section.field + "\":{\"list\":[";
            if (chat == null) {
                return opening + "\n";
            }
            return opening + (section == Section.SINGLE ? "" : "{") + "\"messages\":[\n";
        }
    }

    private final Path file;
    private final ExportVisitor visitor;
    private final Path mediaDir;
    /** Lines of the file before the parser's first line (a resumed read starts mid-file, after a prefix line). */
    private long lineOffset;
    private int chatOrdinal;
    private ExportChat currentChat;
    private Section currentSection = Section.SINGLE;
    private boolean inMessages;
    private Long lastMessageId;
    private int messageIndent = -1;
    private int chatIndent = -1;

    private ExportReader(Path file, ExportVisitor visitor) {
        this.file = file;
        this.visitor = visitor;
        this.mediaDir = file.toAbsolutePath().getParent();
    }

    /** Reads one result.json, reporting chats, messages and problems to the visitor. */
    public static void read(Path resultJson, ExportVisitor visitor) {
        new ExportReader(resultJson, visitor).readAll();
    }

    private void readAll() {
        Resume resume = null;
        long lastResumeLine = -1;
        do {
            try (Reader reader = open(resume); JsonParser parser = JSON.createParser(reader)) {
                resume = walk(parser, resume);
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                long line = at == null ? 0 : fileLine(at.getLineNr());
                visitor.problem(new ExportProblem(file, chatId(), null, line, "invalid_json",
                        "invalid JSON at line " + line + (at == null ? "" : ", column " + at.getColumnNr())
                                + (lastMessageId == null ? "" : ", after message " + lastMessageId)));
                long from = line == lastResumeLine ? line + 1 : line;
                resume = resyncFrom(from);
                if (resume == null) {
                    visitor.problem(new ExportProblem(file, chatId(), null, line, "rest_unreadable",
                            "no message or chat starts after line " + line + "; the rest of the file is not replayed"));
                    endChat();
                } else {
                    lastResumeLine = resume.line();
                }
            } catch (IOException e) {
                visitor.problem(new ExportProblem(file, chatId(), null, 0, "file_unreadable", e.getClass().getSimpleName()));
                endChat();
                resume = null;
            }
        } while (resume != null);
    }

    private Reader open(Resume resume) throws IOException {
        BufferedReader raw = Files.newBufferedReader(file, StandardCharsets.UTF_8);
        if (resume == null) {
            lineOffset = 0;
            return new LenientJsonReader(raw);
        }
        for (long skipped = 1; skipped < resume.line(); skipped++) {
            raw.readLine();
        }
        // The prefix is line 1 of the parser, the resumed line its line 2.
        lineOffset = resume.line() - 2;
        return new LenientJsonReader(new Concatenated(new StringReader(resume.prefix()), raw));
    }

    private long fileLine(long parserLine) {
        return parserLine + lineOffset;
    }

    /** Reads the document; returns null when the file is done. */
    private Resume walk(JsonParser parser, Resume resume) throws IOException {
        if (parser.nextToken() != JsonToken.START_OBJECT) {
            visitor.problem(new ExportProblem(file, null, null, 1, "not_an_export", "the file is not a JSON object"));
            return null;
        }
        ChatFields single = new ChatFields();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "name", "type", "id" -> single.set(field, parser);
                case "messages" -> {
                    currentSection = Section.SINGLE;
                    ExportChat chat = resume != null && resume.chat() != null ? resume.chat() : single.chat(file, 0, mediaDir);
                    messages(parser, chat, resume != null && resume.chat() != null);
                    resume = null;
                }
                case "chats", "left_chats" -> {
                    currentSection = field.equals("chats") ? Section.CHATS : Section.LEFT_CHATS;
                    chatList(parser, resume);
                    resume = null;
                }
                default -> parser.skipChildren();
            }
        }
        return null;
    }

    private void chatList(JsonParser parser, Resume resume) throws IOException {
        if (parser.currentToken() != JsonToken.START_OBJECT) {
            parser.skipChildren();
            return;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            if (!field.equals("list") || parser.currentToken() != JsonToken.START_ARRAY) {
                parser.skipChildren();
                continue;
            }
            boolean first = true;
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                if (parser.currentToken() != JsonToken.START_OBJECT) {
                    parser.skipChildren();
                    continue;
                }
                chatIndent = parser.currentTokenLocation().getColumnNr() - 1;
                ExportChat inherited = first && resume != null ? resume.chat() : null;
                first = false;
                chat(parser, inherited);
            }
        }
    }

    private void chat(JsonParser parser, ExportChat inherited) throws IOException {
        ChatFields fields = new ChatFields();
        boolean sawMessages = false;
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String field = parser.currentName();
            parser.nextToken();
            switch (field) {
                case "name", "type", "id" -> fields.set(field, parser);
                case "messages" -> {
                    ExportChat chat = inherited != null ? inherited : fields.chat(file, chatOrdinal++, mediaDir);
                    messages(parser, chat, inherited != null);
                    sawMessages = true;
                }
                default -> parser.skipChildren();
            }
        }
        if (!sawMessages && inherited == null) {
            ExportChat chat = fields.chat(file, chatOrdinal++, mediaDir);
            visitor.chatStarted(chat);
            visitor.chatEnded(chat);
        }
    }

    private void messages(JsonParser parser, ExportChat chat, boolean resumed) throws IOException {
        if (!resumed) {
            currentChat = chat;
            lastMessageId = null;
            visitor.chatStarted(chat);
        }
        if (parser.currentToken() != JsonToken.START_ARRAY) {
            parser.skipChildren();
            endChat();
            return;
        }
        inMessages = true;
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            JsonLocation start = parser.currentTokenLocation();
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                parser.skipChildren();
                visitor.problem(new ExportProblem(file, chatId(), null, fileLine(start.getLineNr()), "not_a_message",
                        "an element of messages is not an object"));
                continue;
            }
            messageIndent = start.getColumnNr() - 1;
            JsonNode message = MAPPER.readTree(parser);
            JsonNode id = message.get("id");
            if (id != null && id.canConvertToLong()) {
                lastMessageId = id.asLong();
            }
            visitor.message(chat, (ObjectNode) message, fileLine(start.getLineNr()));
        }
        inMessages = false;
        endChat();
    }

    private void endChat() {
        if (currentChat != null) {
            ExportChat ended = currentChat;
            currentChat = null;
            inMessages = false;
            visitor.chatEnded(ended);
        }
    }

    private String chatId() {
        return currentChat == null ? null : currentChat.chatId().orElse(null);
    }

    /**
     * The first line at or after {@code from} that opens a message of the current chat or, in a full export, the next
     * chat; Telegram's writer puts each on a line of its own, indented one space per level.
     */
    private Resume resyncFrom(long from) {
        if (!inMessages || messageIndent < 0 || currentChat == null) {
            return null;
        }
        try (BufferedReader lines = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            long number = 0;
            while ((line = lines.readLine()) != null) {
                number++;
                if (number < from) {
                    continue;
                }
                if (opensObjectAt(line, messageIndent)) {
                    return new Resume(number, currentSection, currentChat);
                }
                if (currentSection != Section.SINGLE && chatIndent >= 0 && opensObjectAt(line, chatIndent)) {
                    endChat();
                    return new Resume(number, currentSection, null);
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean opensObjectAt(String line, int indent) {
        String trimmed = line.stripTrailing();
        if (trimmed.length() != indent + 1 || trimmed.charAt(indent) != '{') {
            return false;
        }
        for (int i = 0; i < indent; i++) {
            if (trimmed.charAt(i) != ' ' && trimmed.charAt(i) != '\t') {
                return false;
            }
        }
        return true;
    }

    /** The fields that introduce a chat, in whatever order they come before its messages. */
    private static final class ChatFields {
        private String name;
        private String type;
        private long id;

        void set(String field, JsonParser parser) throws IOException {
            switch (field) {
                case "name" -> name = parser.currentToken() == JsonToken.VALUE_NULL ? null : parser.getValueAsString();
                case "type" -> type = parser.getValueAsString();
                case "id" -> {
                    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                        id = parser.getLongValue();
                    } else if (parser.currentToken() == JsonToken.VALUE_STRING) {
                        try {
                            id = Long.parseLong(parser.getText().strip());
                        } catch (NumberFormatException e) {
                            id = 0;
                        }
                    } else {
                        parser.skipChildren();
                    }
                }
                default -> parser.skipChildren();
            }
        }

        ExportChat chat(Path file, int ordinal, Path mediaDir) {
            return new ExportChat(file, ordinal, name, ExportChatType.of(type), id, mediaDir);
        }
    }

    /** One reader after the other: the re-created nesting, then the file from the resumed line. */
    private static final class Concatenated extends Reader {
        private final Reader first;
        private final Reader second;
        private boolean firstDone;

        Concatenated(Reader first, Reader second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            if (!firstDone) {
                int n = first.read(buffer, offset, length);
                if (n >= 0) {
                    return n;
                }
                firstDone = true;
            }
            return second.read(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            first.close();
            second.close();
        }
    }
}
