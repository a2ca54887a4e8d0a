package io.vigil.enricher.staydown;

import io.vigil.enricher.policy.Placeholders;
import io.vigil.enricher.state.Table;
import io.vigil.schemas.BankSource;
import io.vigil.schemas.ContentCategory;
import io.vigil.schemas.DecidedMedia;
import io.vigil.schemas.HashBankEntry;
import io.vigil.schemas.ModerationAction;
import io.vigil.schemas.ModerationDecision;
import io.vigil.schemas.SignalType;
import io.vigil.schemas.network.StayDownDecision;
import io.vigil.schemas.network.StayDownEntry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Stay-down: what a moderator confirmed stays down everywhere. A confirming decision's media hashes become entries
 * of the platform's own bank for the decision's category ({@code vigil-confirmed-<category>}, source PLATFORM), with
 * the decision as provenance, written to the hash-bank topic so that every later copy is a bank match through the
 * detector's normal path. An entry is kept while any confirming decision holds it: reversing one decision (an
 * appeal upheld) tombstones only the entries no other decision confirms, and an entry whose first decision was
 * reversed carries the next one's provenance.
 */
public final class StayDownBank {

    public static final String BANK_PREFIX = "vigil-confirmed-";
    /** Metadata keys of a stay-down entry; {@code provenance} is what the detector copies into HashMatch.provenance. */
    public static final String PROVENANCE = "provenance";
    public static final String DECISION_ID = "decision_id";
    public static final String CHAT_ID = "chat_id";
    public static final String DECIDED_AT = "decided_at";
    /** A PDQ hash below the reference's quality floor matches noise: it is not banked (its exact hashes are). */
    static final int MIN_PDQ_QUALITY = 50;
    static final Set<ModerationAction> CONFIRMING = Set.of(ModerationAction.CONFIRMED_REMOVE, ModerationAction.CONFIRMED_REMOVE_AND_BAN,
            ModerationAction.CONFIRMED_RESTRICT_CHAT);

    private final Table<StayDownEntry> entries;
    private final Table<StayDownDecision> decisions;

    public StayDownBank(Table<StayDownEntry> entries, Table<StayDownDecision> decisions) {
        this.entries = entries;
        this.decisions = decisions;
    }

    /** A write to the hash-bank topic: an entry, or a tombstone (null entry) for its key. */
    public record BankWrite(String key, HashBankEntry entry) {
    }

    /** The decision's id as stay-down knows it: its decisionId, or its item for decisions written before ids existed. */
    public static String idOf(ModerationDecision d) {
        return d.getDecisionId() == null || d.getDecisionId().isBlank() ? "item:" + d.getItemId() : d.getDecisionId();
    }

    public static boolean confirms(ModerationDecision d) {
        return CONFIRMING.contains(d.getAction());
    }

    public List<BankWrite> apply(ModerationDecision decision, Optional<String> chatTitle) {
        if (confirms(decision)) {
            return confirm(decision, chatTitle);
        }
        if (decision.getAction() == ModerationAction.REVERSED && decision.getSupersedesDecisionId() != null) {
            return reverse(decision.getSupersedesDecisionId());
        }
        return List.of();
    }

    private List<BankWrite> confirm(ModerationDecision d, Optional<String> chatTitle) {
        String id = idOf(d);
        if (decisions.get(id) != null || d.getMedia().isEmpty()) {
            return List.of(); // already applied (a replay), or nothing to keep down
        }
        ContentCategory category = d.getCategory() == null ? ContentCategory.PLATFORM_TAKEDOWN : d.getCategory();
        String provenance = "confirmed by a moderator on " + Placeholders.date(d.getDecidedAt()) + " in chat "
                + chatTitle.map(t -> "\"" + t + "\" (" + d.getChatId() + ")").orElse(d.getChatId());
        List<BankWrite> writes = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        for (DecidedMedia media : d.getMedia()) {
            for (Map.Entry<SignalType, String> hash : hashes(media).entrySet()) {
                String bankId = BANK_PREFIX + category.name().toLowerCase(Locale.ROOT).replace('_', '-');
                String key = bankId + "/" + hash.getKey().name() + "/" + hash.getValue();
                keys.add(key);
                StayDownEntry existing = entries.get(key);
                if (existing != null) {
                    if (!existing.getDecisionIds().contains(id)) {
                        List<String> ids = new ArrayList<>(existing.getDecisionIds());
                        ids.add(id);
                        existing.setDecisionIds(ids);
                        entries.put(key, existing);
                    }
                    continue;
                }
                HashBankEntry entry = HashBankEntry.newBuilder().setBankId(bankId).setEntryId(id + ":" + media.getMediaId())
                        .setCategory(category).setSource(BankSource.PLATFORM).setSignalType(hash.getKey()).setValue(hash.getValue())
                        .setQuality(hash.getKey() == SignalType.PDQ ? media.getPdqQuality() : null)
                        .setMetadata(metadata(id, d.getChatId(), d.getDecidedAt(), provenance))
                        .setAddedAt(d.getDecidedAt()).build();
                entries.put(key, StayDownEntry.newBuilder().setEntry(entry).setDecisionIds(List.of(id)).build());
                writes.add(new BankWrite(key, entry));
            }
        }
        decisions.put(id, StayDownDecision.newBuilder().setDecisionId(id).setChatId(d.getChatId()).setDecidedAt(d.getDecidedAt())
                .setCategory(category).setProvenance(provenance).setEntryKeys(keys).build());
        return writes;
    }

    private List<BankWrite> reverse(String reversedId) {
        StayDownDecision reversed = decisions.get(reversedId);
        if (reversed == null) {
            return List.of();
        }
        List<BankWrite> writes = new ArrayList<>();
        for (String key : reversed.getEntryKeys()) {
            StayDownEntry state = entries.get(key);
            if (state == null) {
                continue;
            }
            List<String> remaining = new ArrayList<>(state.getDecisionIds());
            remaining.remove(reversedId);
            if (remaining.isEmpty()) {
                entries.delete(key);
                writes.add(new BankWrite(key, null));
                continue;
            }
            state.setDecisionIds(remaining);
            HashBankEntry entry = state.getEntry();
            if (reversedId.equals(entry.getMetadata().get(DECISION_ID))) {
                StayDownDecision next = decisions.get(remaining.get(0));
                entry.setMetadata(metadata(next.getDecisionId(), next.getChatId(), next.getDecidedAt(), next.getProvenance()));
                entry.setEntryId(next.getDecisionId() + ":" + entry.getEntryId().substring(entry.getEntryId().indexOf(':') + 1));
                writes.add(new BankWrite(key, entry));
            }
            entries.put(key, state);
        }
        decisions.delete(reversedId);
        return writes;
    }

    private static Map<SignalType, String> hashes(DecidedMedia media) {
        Map<SignalType, String> hashes = new LinkedHashMap<>();
        if (media.getSha256() != null) {
            hashes.put(SignalType.SHA256, media.getSha256());
        }
        if (media.getMd5() != null) {
            hashes.put(SignalType.MD5, media.getMd5());
        }
        if (media.getPdq() != null && media.getPdqQuality() != null && media.getPdqQuality() >= MIN_PDQ_QUALITY) {
            hashes.put(SignalType.PDQ, media.getPdq());
        }
        return hashes;
    }

    private static Map<String, String> metadata(String decisionId, String chatId, Instant decidedAt, String provenance) {
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put(PROVENANCE, provenance);
        metadata.put(DECISION_ID, decisionId);
        metadata.put(CHAT_ID, chatId);
        metadata.put(DECIDED_AT, decidedAt.toString());
        return metadata;
    }

    /** What is wrong with a decision's media hashes (so that the decision is refused before any of it applies). */
    public static List<String> problems(ModerationDecision d) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < d.getMedia().size(); i++) {
            DecidedMedia m = d.getMedia().get(i);
            check(m.getSha256(), 64, "media[" + i + "].sha256", problems);
            check(m.getMd5(), 32, "media[" + i + "].md5", problems);
            check(m.getPdq(), 64, "media[" + i + "].pdq", problems);
            if (m.getPdqQuality() != null && (m.getPdqQuality() < 0 || m.getPdqQuality() > 100)) {
                problems.add("media[" + i + "].pdqQuality must be 0-100");
            }
        }
        if (d.getAction() == ModerationAction.REVERSED && (d.getSupersedesDecisionId() == null || d.getSupersedesDecisionId().isBlank())) {
            problems.add("a REVERSED decision must name the decision it supersedes (supersedesDecisionId)");
        }
        return problems;
    }

    private static void check(String hex, int length, String path, List<String> problems) {
        if (hex != null && (hex.length() != length || !hex.chars().allMatch(c -> c >= '0' && c <= '9' || c >= 'a' && c <= 'f'))) {
            problems.add(path + " must be " + length + " lower-case hex digits");
        }
    }
}
