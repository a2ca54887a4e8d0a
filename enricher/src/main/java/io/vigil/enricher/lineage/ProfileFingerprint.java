package io.vigil.enricher.lineage;

import io.vigil.schemas.network.ChatProfile;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A 64-bit fingerprint of what lineage compares in a chat's profile, leaving out what moves all the time (the sender
 * sketch, the last activity, the harmful-item count except at powers of two): the chat side sends a
 * profile when it changes, and the network task re-evaluates an old chat only when it changes.
 */
public final class ProfileFingerprint {

    private ProfileFingerprint() {
    }

    /** Everything lineage compares or passes on: what makes the chat side send the profile. */
    public static long of(ChatProfile p, LineageScorer lineage) {
        return hash(identity(p) + "\u001f" + p.getPlatformStrikes() + "\u001f" + p.getVigilStrikes() + "\u001f" + p.getInheritedStrikes()
                + "\u001f" + lineage.flagged(p) + "\u001f" + (64 - Long.numberOfLeadingZeros(p.getHarmfulItems())));
    }

    /**
     * What says which chat this is (title, owner, admins, links, photos, status, migration): when it changes, the chat
     * may now read as a re-creation of another, whatever its age.
     */
    public static long ofIdentity(ChatProfile p) {
        return hash(identity(p));
    }

    private static String identity(ChatProfile p) {
        return String.join("\u001f", Objects.toString(p.getTitle()), Objects.toString(p.getUsername()),
                Objects.toString(p.getCreatedAt()), p.getFirstSeenAt() == null ? "-" : "seen", p.getStatus().name(),
                Objects.toString(p.getTakenDownAt()), Objects.toString(p.getOwnerId()), p.getAdminIds().toString(),
                p.getActingAdminIds().toString(), p.getInviteLinks().toString(), p.getPostedLinks().toString(), p.getPhotos().toString(),
                p.getPreviousChatIds().toString(), Objects.toString(p.getMigratedFromChatId()), Objects.toString(p.getMigratedToChatId()));
    }

    private static long hash(String comparable) {
        long h = 0xcbf29ce484222325L;
        for (byte b : comparable.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
