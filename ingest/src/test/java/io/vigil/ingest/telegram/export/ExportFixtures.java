package io.vigil.ingest.telegram.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds test exports in the two layouts Telegram Desktop writes, with messages in its key order. */
public final class ExportFixtures {

    private ExportFixtures() {
    }

    /** A message object; fields keep the order they are put in, as the writer's order matters to nobody but looks real. */
    public static Map<String, Object> message(long id, long unixSeconds, String fromName, String fromId, Object text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", "message");
        m.put("date", localDate(unixSeconds));
        m.put("date_unixtime", Long.toString(unixSeconds));
        m.put("from", fromName);
        m.put("from_id", fromId);
        m.put("text", text);
        m.put("text_entities", entitiesOf(text));
        return m;
    }

    public static Map<String, Object> service(long id, long unixSeconds, String actorName, String actorId, String action, Map<String, Object> extra) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("type", "service");
        m.put("date", localDate(unixSeconds));
        m.put("date_unixtime", Long.toString(unixSeconds));
        m.put("actor", actorName);
        m.put("actor_id", actorId);
        m.put("action", action);
        m.putAll(extra);
        m.put("text", "");
        m.put("text_entities", List.of());
        return m;
    }

    /** The local time Telegram Desktop writes in {@code date} (the exporting machine's; UTC in these tests). */
    public static String localDate(long unixSeconds) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss")
                .format(java.time.LocalDateTime.ofEpochSecond(unixSeconds, 0, java.time.ZoneOffset.UTC));
    }

    /** A typed text part, as in the text array: {"type": ..., "text": ...}. */
    public static Map<String, Object> part(String type, String text) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", type);
        p.put("text", text);
        return p;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> entitiesOf(Object text) {
        List<Object> entities = new ArrayList<>();
        if (text instanceof String s) {
            if (!s.isEmpty()) {
                entities.add(part("plain", s));
            }
        } else if (text instanceof List<?> parts) {
            for (Object p : parts) {
                if (p instanceof String s) {
                    entities.add(part("plain", s));
                } else {
                    entities.add(new LinkedHashMap<>((Map<String, Object>) p));
                }
            }
        }
        return entities;
    }

    public static Map<String, Object> chat(String name, String type, long bareId, List<Map<String, Object>> messages) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("type", type);
        c.put("id", bareId);
        c.put("messages", new ArrayList<Object>(messages));
        return c;
    }

    /** ChatExport_<date>/result.json with the chat at the top; returns the folder. */
    public static Path singleChat(Path parent, String folder, Map<String, Object> chat) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(folder));
        Files.writeString(dir.resolve("result.json"), TdesktopJson.write(chat), StandardCharsets.UTF_8);
        return dir;
    }

    /** DataExport_<date>/result.json with personal information and the chats under chats.list; returns the folder. */
    public static Path fullExport(Path parent, String folder, List<Map<String, Object>> chats, List<Map<String, Object>> leftChats) throws IOException {
        Path dir = Files.createDirectories(parent.resolve(folder));
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("about", "Here is the data you requested.");
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("user_id", 5000000001L);
        me.put("first_name", "Exporting");
        me.put("last_name", "Analyst");
        me.put("phone_number", "+34 600 000 000");
        root.put("personal_information", me);
        Map<String, Object> contacts = new LinkedHashMap<>();
        contacts.put("about", "contacts");
        contacts.put("list", List.of());
        root.put("contacts", contacts);
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("about", "This page lists all chats from this export.");
        list.put("list", new ArrayList<Object>(chats));
        root.put("chats", list);
        Map<String, Object> left = new LinkedHashMap<>();
        left.put("about", "This page lists all supergroups and channels you've left.");
        left.put("list", new ArrayList<Object>(leftChats));
        root.put("left_chats", left);
        Files.writeString(dir.resolve("result.json"), TdesktopJson.write(root), StandardCharsets.UTF_8);
        return dir;
    }
}
