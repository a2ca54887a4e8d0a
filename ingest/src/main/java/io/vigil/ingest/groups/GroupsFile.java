package io.vigil.ingest.groups;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vigil.ingest.json.JsonLines;
import io.vigil.ingest.telegram.TelegramIds;
import io.vigil.ingest.telegram.export.ChatProfile;
import io.vigil.ingest.telegram.links.TelegramLinks;
import io.vigil.schemas.ChatKind;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.GroupStatus;
import io.vigil.schemas.Visibility;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What the platform knows about chats that an export does not carry: member counts, owners and admins, invite
 * links, takedowns. JSON lines, one object per chat, with GroupMetadata's fields by their Avro names:
 * <pre>{"chatId": "-1001234567890", "kind": "supergroup", "visibility": "private", "memberCount": 48200,
 *  "status": "taken_down", "takenDownAt": "2026-01-10T09:00:00Z", "ownerId": "user6120448731",
 *  "adminIds": ["6120448731", "channel1234567890"], "inviteLinks": ["t.me/+AbCdEf"]}</pre>
 * Enum values in any case; times as ISO-8601 (an instant, a date-time with offset, or a date) or epoch
 * milliseconds; sender ids in the export's form ({@code user…}, {@code channel…}) or the Bot API's; invite links in any
 * spelling, normalised to {@code https://t.me/...}. Every line is checked and every problem is reported, by line
 * number, before anything is written. A field the file gives overrides what the export suggests; a field it leaves
 * out is inferred from the export.
 */
public final class GroupsFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> FIELDS = Set.of("platform", "chatId", "kind", "visibility", "memberCount", "title",
            "languageHint", "countryHint", "createdAt", "paidAccess", "botsPresent", "strikeCount", "previousChatIds",
            "status", "takenDownAt", "ownerId", "adminIds", "inviteLinks", "username", "migratedToChatId");

    /** The file has lines that cannot be used; nothing should be written. */
    public static final class InvalidException extends Exception {
        private final List<String> problems;

        InvalidException(Path file, List<String> problems) {
            super(file + ": " + problems.size() + " problem(s): " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    private final Map<String, ObjectNode> byChat;

    private GroupsFile(Map<String, ObjectNode> byChat) {
        this.byChat = byChat;
    }

    public static GroupsFile empty() {
        return new GroupsFile(Map.of());
    }

    public static GroupsFile read(Path file) throws IOException, InvalidException {
        Map<String, ObjectNode> byChat = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        JsonLines.read(file, JSON, line -> {
            String at = "line " + line.number() + ": ";
            if (!(line.value() instanceof ObjectNode object)) {
                problems.add(at + "not a JSON object");
                return;
            }
            List<String> lineProblems = new ArrayList<>();
            ObjectNode normal = normalise(object, lineProblems);
            if (!lineProblems.isEmpty()) {
                lineProblems.forEach(problem -> problems.add(at + problem));
                return;
            }
            String chatId = normal.get("chatId").asText();
            if (byChat.containsKey(chatId)) {
                problems.add(at + "chat " + chatId + " is already described on an earlier line");
                return;
            }
            byChat.put(chatId, normal);
        });
        if (!problems.isEmpty()) {
            throw new InvalidException(file, problems);
        }
        return new GroupsFile(byChat);
    }

    /** Checks every field of one line and writes it in the form GroupMetadata takes. */
    private static ObjectNode normalise(ObjectNode line, List<String> problems) {
        ObjectNode out = JSON.createObjectNode();
        line.properties().forEach(field -> {
            String name = field.getKey();
            JsonNode value = field.getValue();
            if (!FIELDS.contains(name)) {
                problems.add("unknown field '" + name + "' (GroupMetadata's fields by their Avro names)");
                return;
            }
            if (value.isNull()) {
                out.putNull(name);
                return;
            }
            switch (name) {
                case "chatId", "migratedToChatId" -> chatId(value).ifPresentOrElse(id -> out.put(name, id),
                        () -> problems.add(name + ": a chat id as the Bot API writes it (-100…, -…)"));
                case "previousChatIds" -> {
                    var ids = out.putArray(name);
                    for (JsonNode id : array(value, name, problems)) {
                        chatId(id).ifPresentOrElse(ids::add, () -> problems.add(name + ": a chat id as the Bot API writes it"));
                    }
                }
                case "kind" -> enumValue(value, ChatKind.class, name, problems, out);
                case "visibility" -> enumValue(value, Visibility.class, name, problems, out);
                case "status" -> enumValue(value, GroupStatus.class, name, problems, out);
                case "memberCount", "strikeCount" -> {
                    if (value.canConvertToLong() && value.isIntegralNumber() && value.asLong() >= 0) {
                        out.put(name, value.asLong());
                    } else {
                        problems.add(name + ": a whole number, not negative");
                    }
                }
                case "paidAccess", "botsPresent" -> {
                    if (value.isBoolean()) {
                        out.put(name, value.asBoolean());
                    } else {
                        problems.add(name + ": true or false");
                    }
                }
                case "createdAt", "takenDownAt" -> instant(value).ifPresentOrElse(at -> out.put(name, at.toEpochMilli()),
                        () -> problems.add(name + ": an ISO-8601 time (2026-01-10T09:00:00Z) or epoch milliseconds"));
                case "ownerId" -> TelegramIds.senderIdFromEitherForm(value.asText()).ifPresentOrElse(id -> out.put(name, id),
                        () -> problems.add(name + ": a sender id (user…, channel…, or a number)"));
                case "adminIds" -> {
                    var ids = out.putArray(name);
                    for (JsonNode id : array(value, name, problems)) {
                        TelegramIds.senderIdFromEitherForm(id.asText()).ifPresentOrElse(ids::add,
                                () -> problems.add(name + ": a sender id (user…, channel…, or a number)"));
                    }
                }
                case "inviteLinks" -> {
                    var links = out.putArray(name);
                    for (JsonNode link : array(value, name, problems)) {
                        String normal = TelegramLinks.normalise(link.asText());
                        if (normal == null) {
                            problems.add(name + ": a Telegram link (t.me/+…, t.me/joinchat/…, t.me/name)");
                        } else {
                            links.add(normal);
                        }
                    }
                }
                case "username" -> out.put(name, value.asText().strip().replaceFirst("^@", ""));
                default -> out.put(name, value.asText()); // platform, title, languageHint, countryHint
            }
        });
        if (!out.hasNonNull("chatId") && problems.stream().noneMatch(p -> p.startsWith("chatId"))) {
            problems.add("chatId is required");
        }
        return out;
    }

    private static java.util.Optional<String> chatId(JsonNode value) {
        return TelegramIds.botApiChatId(value.asText());
    }

    private static Iterable<JsonNode> array(JsonNode value, String name, List<String> problems) {
        if (!value.isArray()) {
            problems.add(name + ": a list");
            return List.of();
        }
        return value;
    }

    private static <E extends Enum<E>> void enumValue(JsonNode value, Class<E> type, String name, List<String> problems, ObjectNode out) {
        String written = value.asText().strip().toUpperCase(Locale.ROOT).replace('-', '_');
        try {
            Enum.valueOf(type, written);
            out.put(name, written);
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name().toLowerCase(Locale.ROOT));
            }
            problems.add(name + ": one of " + String.join(", ", names));
        }
    }

    private static java.util.Optional<Instant> instant(JsonNode value) {
        if (value.isIntegralNumber()) {
            return java.util.Optional.of(Instant.ofEpochMilli(value.asLong()));
        }
        String text = value.asText().strip();
        try {
            return java.util.Optional.of(Instant.parse(text));
        } catch (DateTimeParseException e) {
            // try the other forms
        }
        try {
            return java.util.Optional.of(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            // try a date
        }
        try {
            return java.util.Optional.of(LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    public Set<String> chatIds() {
        return byChat.keySet();
    }

    public boolean describes(String chatId) {
        return byChat.containsKey(chatId);
    }

    /** Supergroup to the basic group it was migrated from, from lines with {@code migratedToChatId}. */
    public Map<String, String> basicGroupBySupergroup() {
        Map<String, String> migrations = new LinkedHashMap<>();
        byChat.forEach((chatId, line) -> {
            if (line.hasNonNull("migratedToChatId")) {
                migrations.put(line.get("migratedToChatId").asText(), chatId);
            }
        });
        return migrations;
    }

    /**
     * The metadata of one chat: what the export suggests ({@code inferred}, may be null), overridden by what this file
     * says of it (if anything).
     */
    public GroupMetadata metadata(String chatId, ChatProfile inferred, Instant now) {
        GroupMetadata.Builder metadata = GroupMetadata.newBuilder().setPlatform("telegram").setChatId(chatId)
                .setKind(ChatKind.UNKNOWN).setVisibility(Visibility.UNKNOWN).setMemberCount(0).setUpdatedAt(now);
        if (inferred != null) {
            metadata.setKind(inferred.kind()).setVisibility(inferred.visibility()).setTitle(inferred.title())
                    .setCreatedAt(inferred.createdAt()).setOwnerId(inferred.ownerId()).setAdminIds(inferred.adminIdsInOrder())
                    .setStatus(inferred.status()).setMigratedToChatId(inferred.migratedToChatId());
        }
        ObjectNode line = byChat.get(chatId);
        if (line != null) {
            apply(line, metadata);
        }
        return metadata.build();
    }

    private static void apply(ObjectNode line, GroupMetadata.Builder metadata) {
        line.properties().forEach(field -> {
            JsonNode v = field.getValue();
            boolean absent = v.isNull();
            switch (field.getKey()) {
                case "platform" -> metadata.setPlatform(absent ? "telegram" : v.asText());
                case "kind" -> metadata.setKind(absent ? ChatKind.UNKNOWN : ChatKind.valueOf(v.asText()));
                case "visibility" -> metadata.setVisibility(absent ? Visibility.UNKNOWN : Visibility.valueOf(v.asText()));
                case "status" -> metadata.setStatus(absent ? GroupStatus.UNKNOWN : GroupStatus.valueOf(v.asText()));
                case "memberCount" -> metadata.setMemberCount(absent ? 0 : v.asLong());
                case "strikeCount" -> metadata.setStrikeCount(absent ? 0 : (int) Math.min(Integer.MAX_VALUE, v.asLong()));
                case "paidAccess" -> metadata.setPaidAccess(!absent && v.asBoolean());
                case "botsPresent" -> metadata.setBotsPresent(!absent && v.asBoolean());
                case "title" -> metadata.setTitle(absent ? null : v.asText());
                case "languageHint" -> metadata.setLanguageHint(absent ? null : v.asText());
                case "countryHint" -> metadata.setCountryHint(absent ? null : v.asText());
                case "username" -> metadata.setUsername(absent ? null : v.asText());
                case "ownerId" -> metadata.setOwnerId(absent ? null : v.asText());
                case "migratedToChatId" -> metadata.setMigratedToChatId(absent ? null : v.asText());
                case "createdAt" -> metadata.setCreatedAt(absent ? null : Instant.ofEpochMilli(v.asLong()));
                case "takenDownAt" -> metadata.setTakenDownAt(absent ? null : Instant.ofEpochMilli(v.asLong()));
                case "adminIds" -> metadata.setAdminIds(strings(v));
                case "inviteLinks" -> metadata.setInviteLinks(strings(v));
                case "previousChatIds" -> metadata.setPreviousChatIds(strings(v));
                default -> {
                }
            }
        });
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        if (array.isArray()) {
            array.forEach(v -> values.add(v.asText()));
        }
        return values;
    }

    /** Chats the file says were taken down, with when: each is a TAKEN_DOWN group event at that time. */
    public List<GroupEvent> takedowns() {
        List<GroupEvent> events = new ArrayList<>();
        byChat.forEach((chatId, line) -> {
            if ("TAKEN_DOWN".equals(line.path("status").asText()) && line.hasNonNull("takenDownAt")) {
                Instant at = Instant.ofEpochMilli(line.get("takenDownAt").asLong());
                events.add(GroupEvent.newBuilder().setPlatform("telegram").setSource("platform").setChatId(chatId)
                        .setEventId(chatId + ":taken-down:" + at.toEpochMilli()).setKind(GroupEventKind.TAKEN_DOWN)
                        .setOccurredAt(at).build());
            }
        });
        events.sort(java.util.Comparator.comparing(GroupEvent::getOccurredAt));
        return events;
    }

    /** Every chat this file describes, with the profiles given for those an export also has. */
    public List<GroupMetadata> all(Collection<ChatProfile> profiles, Instant now) {
        Map<String, ChatProfile> byId = new LinkedHashMap<>();
        profiles.forEach(p -> byId.put(p.chatId(), p));
        List<GroupMetadata> all = new ArrayList<>();
        byId.forEach((id, profile) -> all.add(metadata(id, profile, now)));
        byChat.keySet().stream().filter(id -> !byId.containsKey(id)).forEach(id -> all.add(metadata(id, null, now)));
        return all;
    }
}
