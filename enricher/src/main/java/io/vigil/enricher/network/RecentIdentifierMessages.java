package io.vigil.enricher.network;

import io.vigil.enricher.state.Keys;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.network.MessageSighting;
import io.vigil.schemas.network.RecentIdentifiers;
import io.vigil.schemas.network.RememberedMessage;
import io.vigil.schemas.network.SightedIdentifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The messages with linkable identifiers each sender posted lately in each chat, so that an image of that sender
 * whose detection reaches the network task after them still joins their case. The detector's media stage is slower
 * than its text stage: "her number is ..." posted a minute after a photo can arrive before the photo.
 *
 * <p>Bounded: at most {@link #MAX_IDENTIFIERS} identifiers per sender and chat (the newest messages by sentAt are
 * kept), and a message is forgotten one follow window after the network task saw it. That retention is measured in
 * processing time on purpose: it is how late an image's detection may come behind the number, whatever the messages'
 * own dates (a replay of an old export carries old dates).
 */
final class RecentIdentifierMessages {

    /**
     * A doxxing post carries a handful of identifiers (a number, a handle, an address, a name); 16 holds the last
     * few posts of a sender and keeps one flooding sender from growing the state.
     */
    static final int MAX_IDENTIFIERS = 16;

    private final Table<RecentIdentifiers> table;
    private final Duration window;

    RecentIdentifierMessages(Table<RecentIdentifiers> table, Duration window) {
        this.table = table;
        this.window = window;
    }

    /** Remembers a message's linkable identifiers and the case it was counted in (null when none). */
    void remember(String chatId, MessageSighting s, List<SightedIdentifier> linkable, String caseId, Instant now) {
        String key = Keys.of(chatId, s.getSenderId());
        List<RememberedMessage> kept = new ArrayList<>(live(table.get(key), now));
        kept.removeIf(m -> m.getMessageId().equals(s.getMessageId()));
        kept.add(RememberedMessage.newBuilder().setMessageId(s.getMessageId()).setSentAt(s.getSentAt()).setSeenAt(now)
                .setMembers(s.getMembers()).setHarmful(s.getHarmful()).setSeverity(s.getSeverity())
                .setCategories(new ArrayList<>(s.getCategories()))
                .setIdentifiers(new ArrayList<>(linkable.subList(0, Math.min(linkable.size(), MAX_IDENTIFIERS))))
                .setCaseId(caseId).build());
        kept.sort(Comparator.comparing(RememberedMessage::getSentAt));
        while (kept.stream().mapToInt(m -> m.getIdentifiers().size()).sum() > MAX_IDENTIFIERS) {
            kept.remove(0);
        }
        table.put(key, RecentIdentifiers.newBuilder().setMessages(kept).build());
    }

    /** The sender's messages in the chat sent within the follow window of {@code sentAt}, before or after it. */
    List<RememberedMessage> around(String chatId, String senderId, Instant sentAt, Instant now) {
        return live(table.get(Keys.of(chatId, senderId)), now).stream()
                .filter(m -> Duration.between(m.getSentAt(), sentAt).abs().compareTo(window) <= 0)
                .toList();
    }

    /** Records the case a remembered message is now counted in. */
    void counted(String chatId, String senderId, String messageId, String caseId) {
        String key = Keys.of(chatId, senderId);
        RecentIdentifiers recent = table.get(key);
        if (recent == null) {
            return;
        }
        recent.getMessages().stream().filter(m -> m.getMessageId().equals(messageId)).forEach(m -> m.setCaseId(caseId));
        table.put(key, recent);
    }

    /** Forgets what the network task saw before the cutoff (a periodic clean-up of senders who posted no more). */
    void forgetSeenBefore(Instant cutoff) {
        List<String> old = new ArrayList<>();
        table.forEach((key, recent) -> {
            if (recent.getMessages().stream().allMatch(m -> m.getSeenAt().isBefore(cutoff))) {
                old.add(key);
            }
        });
        old.forEach(table::delete);
    }

    private List<RememberedMessage> live(RecentIdentifiers recent, Instant now) {
        if (recent == null) {
            return List.of();
        }
        Instant cutoff = now.minus(window);
        return recent.getMessages().stream().filter(m -> !m.getSeenAt().isBefore(cutoff)).toList();
    }
}
