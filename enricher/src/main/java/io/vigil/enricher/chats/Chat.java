package io.vigil.enricher.chats;

import io.vigil.enricher.state.Table;
import io.vigil.schemas.network.ChatProfile;
import io.vigil.schemas.network.ChatState;

import java.time.Instant;

/**
 * One chat as a step works on it: its small state (queue positions, lineage), read with every message, and its
 * profile (what lineage compares), read when needed; each is written back only when it changed.
 */
public final class Chat {

    private final String id;
    private final String platform;
    private final ChatState state;
    private final Table<ChatProfile> profiles;
    private ChatProfile profile;
    private boolean stateChanged;
    private boolean profileChanged;

    Chat(String id, String platform, ChatState state, boolean isNew, Table<ChatProfile> profiles) {
        this.id = id;
        this.platform = platform;
        this.state = state;
        this.profiles = profiles;
        this.stateChanged = isNew;
    }

    public String id() {
        return id;
    }

    /** The queue positions and lineage; call {@link #stateChanged()} after changing them. */
    public ChatState state() {
        return state;
    }

    public ChatProfile profile() {
        if (profile == null) {
            profile = profiles.get(id);
            if (profile == null) {
                profile = ChatProfile.newBuilder().setPlatform(platform == null ? "" : platform).setChatId(id).setUpdatedAt(Instant.EPOCH).build();
                profileChanged = true;
            } else if (profile.getPlatform().isEmpty() && platform != null) {
                profile.setPlatform(platform);
                profileChanged = true;
            }
        }
        return profile;
    }

    public void stateChanged() {
        stateChanged = true;
    }

    public void profileChanged() {
        profileChanged = true;
    }

    boolean isStateChanged() {
        return stateChanged;
    }

    boolean isProfileChanged() {
        return profileChanged;
    }

    boolean profileLoaded() {
        return profile != null;
    }
}
