package io.vigil.ingest.telegram;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TelegramIdsTest {

    @Test
    void supergroupsAndChannelsAreMinusOneTrillionMinusTheirBareId() {
        assertThat(TelegramIds.chatId(ExportChatType.PUBLIC_SUPERGROUP, 1234567890L)).contains("-1001234567890");
        assertThat(TelegramIds.chatId(ExportChatType.PRIVATE_CHANNEL, 42L)).contains("-1000000000042");
        assertThat(TelegramIds.chatId(ExportChatType.PRIVATE_GROUP, 4567L)).contains("-4567");
        assertThat(TelegramIds.chatId(ExportChatType.PERSONAL_CHAT, 777L)).contains("777");
        assertThat(TelegramIds.chatId(ExportChatType.UNKNOWN, 777L)).isEmpty();
        assertThat(TelegramIds.chatId(ExportChatType.PRIVATE_GROUP, 0L)).isEmpty();
    }

    @Test
    void sendersAreUsersOrTheChatTheyPostAs() {
        assertThat(TelegramIds.senderId("user6120448731")).contains("6120448731");
        assertThat(TelegramIds.senderId("channel1234567890")).contains("-1001234567890");
        assertThat(TelegramIds.senderId("chat4567")).contains("-4567");
        assertThat(TelegramIds.senderId("6120448731")).as("exports before April 2021").contains("6120448731");
        assertThat(TelegramIds.senderId("userabc")).isEmpty();
        assertThat(TelegramIds.senderId(null)).isEmpty();
        assertThat(TelegramIds.senderIdFromEitherForm("-1001234567890")).contains("-1001234567890");
    }

    @Test
    void migratedHistoryIdsAreShiftedBackToTheBasicGroupsOwn() {
        assertThat(TelegramIds.isMigratedHistoryId(-999_999_877L)).isTrue();
        assertThat(TelegramIds.originalMessageId(-999_999_877L)).isEqualTo(123L);
        assertThat(TelegramIds.isMigratedHistoryId(5L)).isFalse();
        assertThat(TelegramIds.originalMessageId(5L)).isEqualTo(5L);
    }
}
