package io.vigil.standalone.demo;

import io.vigil.schemas.ChatKind;
import io.vigil.schemas.GroupMetadata;
import io.vigil.schemas.Visibility;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Synthetic groups and channels of the kinds and sizes the documented networks use, in their countries. */
public final class DemoGroups {

    private DemoGroups() {
    }

    public record Group(GroupMetadata metadata, String language) {
        public String chatId() {
            return metadata.getChatId();
        }
    }

    public static List<Group> all(Instant now) {
        return List.of(
                group("-1001000000001", ChatKind.SUPERGROUP, Visibility.PUBLIC, 48_200, "Quedadas Madrid (demo)", "es", "ES", 2, now),
                group("-1001000000002", ChatKind.SUPERGROUP, Visibility.PRIVATE, 12_750, "Amici di Napoli (demo)", "it", "IT", 0, now),
                group("-1001000000003", ChatKind.CHANNEL, Visibility.PUBLIC, 81_300, "Novidades Lisboa (demo)", "pt", "PT", 1, now),
                group("-1001000000004", ChatKind.SUPERGROUP, Visibility.PRIVATE, 9_400, "Galera do Rio (demo)", "pt", "BR", 0, now),
                group("-1001000000005", ChatKind.GROUP, Visibility.PRIVATE, 180, "Soirées Lyon (demo)", "fr", "FR", 0, now),
                group("-1001000000006", ChatKind.SUPERGROUP, Visibility.PUBLIC, 23_900, "Berlin Nachtleben (demo)", "de", "DE", 3, now),
                group("-1001000000007", ChatKind.SUPERGROUP, Visibility.PRIVATE, 31_000, "Тусовка Москва (demo)", "ru", "RU", 0, now),
                group("-1001000000008", ChatKind.GROUP, Visibility.PRIVATE, 640, "Geng KL (demo)", "ms", "MY", 0, now),
                group("-1001000000009", ChatKind.SUPERGROUP, Visibility.PRIVATE, 5_200, "上海同城 (demo)", "zh", "CN", 0, now),
                group("-1001000000010", ChatKind.SUPERGROUP, Visibility.PUBLIC, 15_600, "Nairobi Vibes (demo)", "sw", "KE", 1, now),
                group("-1001000000011", ChatKind.GROUP, Visibility.PRIVATE, 420, "Bakı dostlar (demo)", "az", "AZ", 0, now),
                group("-1001000000012", ChatKind.CHANNEL, Visibility.PUBLIC, 2_300, "Havana hoy (demo)", "es", "CU", 0, now));
    }

    private static Group group(String chatId, ChatKind kind, Visibility visibility, long members, String title,
                               String language, String country, int strikes, Instant now) {
        return new Group(GroupMetadata.newBuilder()
                .setPlatform("telegram").setChatId(chatId).setKind(kind).setVisibility(visibility).setMemberCount(members)
                .setTitle(title).setLanguageHint(language).setCountryHint(country).setStrikeCount(strikes)
                .setBotsPresent(members > 10_000).setPaidAccess(false)
                .setCreatedAt(now.minus(30L * (1 + chatId.hashCode() % 20 + 20), ChronoUnit.DAYS)).setUpdatedAt(now)
                .build(), language);
    }
}
