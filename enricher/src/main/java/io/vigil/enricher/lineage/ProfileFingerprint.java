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

    public static long of(ChatProfile p, LineageScorer lineage) {
        String comparable = String.join("\u001f", Objects.toString(p.getTitle()), Objects.toString(p.getUsername()),
                Objects.toString(p.getCreatedAt()), p.getFirstSeenAt() == null ? "-" : "seen", p.getStatus().name(),
                Objects.toString(p.getTakenDownAt()), Objects.toString(p.getOwnerId()), p.getAdminIds().toString(),
                p.getActingAdminIds().toString(), p.getInviteLinks().toString(), p.getPostedLinks().toString(), p.getPhotos().toString(),
                p.getPreviousChatIds().toString(), Objects.toString(p.getMigratedFromChatId()), Objects.toString(p.getMigratedToChatId()),
                Integer.toString(p.getPlatformStrikes()), Integer.toString(p.getVigilStrikes()), Integer.toString(p.getInheritedStrikes()),
                Boolean.toString(lineage.flagged(p)), Integer.toString(64 - Long.numberOfLeadingZeros(p.getHarmfulItems())));
        long h = 0xcbf29ce484222325L;
        for (byte b : comparable.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return h;
    }
}
