package io.vigil.ingest.telegram.bot;

import com.fasterxml.jackson.databind.JsonNode;
import io.vigil.schemas.GroupEvent;
import io.vigil.schemas.GroupEventKind;
import io.vigil.schemas.MediaItem;
import io.vigil.schemas.MediaKind;
import io.vigil.schemas.MessageEvent;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/** The recorded Bot API updates (written from the fields tdlib/telegram-bot-api emits) mapped to Vigil's events. */
class UpdateMapperTest {

    private static final List<JsonNode> UPDATES = FakeBotApi.recordedUpdates();
    private final UpdateMapper mapper = new UpdateMapper(20 * 1024 * 1024, false);

    private BotUpdate update(int n) {
        return mapper.map(UPDATES.get(n - 1));
    }

    @Test
    void aMessageKeepsItsChatSenderTimeAndEntitiesAtUtf16Offsets() {
        MessageEvent event = update(1).message();

        assertThat(event.getChatId()).isEqualTo("-1001234567890");
        assertThat(event.getMessageId()).isEqualTo("501");
        assertThat(event.getSenderId()).isEqualTo("6120448731");
        assertThat(event.getSentAt()).isEqualTo(Instant.ofEpochSecond(1767225600L));
        assertThat(event.getSource()).isEqualTo("telegram-bot");
        assertThat(event.getEntities()).singleElement().satisfies(e -> {
            assertThat(e.getType()).isEqualTo("phone_number");
            assertThat(event.getText().substring(e.getOffset(), e.getOffset() + e.getLength())).isEqualTo("+34 612 34 56 78");
        });
    }

    @Test
    void aPhotoIsItsLargestSizeWithinTheLimitAndAnAlbumKeepsItsMediaGroupId() {
        BotUpdate photo = update(2);

        assertThat(photo.message().getMedia()).singleElement().satisfies(item -> {
            assertThat(item.getMediaId()).isEqualTo("AQADuniqA-2");
            assertThat(item.getWidth()).isEqualTo(1280);
            assertThat(item.getKind()).isEqualTo(MediaKind.PHOTO);
        });
        assertThat(photo.downloads()).extracting(BotUpdate.Download::fileId).containsExactly("photo-a-2");
        assertThat(photo.message().getText()).isEqualTo("foto");
        assertThat(photo.message().getMediaGroupId()).isEqualTo("13562840123456789").isEqualTo(update(3).message().getMediaGroupId());

        BotUpdate limited = new UpdateMapper(10_000, false).map(UPDATES.get(1));
        assertThat(limited.downloads()).extracting(BotUpdate.Download::fileId).containsExactly("photo-a-1");
    }

    @Test
    void anEditIsANewEventOfTheSameMessageWithItsEditTime() {
        MessageEvent edit = update(4).message();

        assertThat(edit.getMessageId()).isEqualTo("501");
        assertThat(edit.getEditedAt()).isEqualTo(Instant.ofEpochSecond(1767225660L));
        assertThat(update(4).kind()).isEqualTo("edited_message");
    }

    @Test
    void channelPostsAndAnonymousAdminsAreSentByTheChat() {
        assertThat(update(5).message().getSenderId()).isEqualTo("-1003333333333");
        assertThat(update(6).message().getSenderId()).as("GroupAnonymousBot stands in for the group").isEqualTo("-1001234567890");
    }

    @Test
    void serviceMessagesBecomeGroupEvents() {
        assertThat(List.of(7, 8, 9, 10, 11, 12, 21)).extracting(n -> update(n).groupEvents().get(0))
                .extracting(GroupEvent::getKind, GroupEvent::getChatId, GroupEvent::getEventId)
                .containsExactly(
                        tuple(GroupEventKind.MEMBER_JOINED, "-1001234567890", "-1001234567890:505"),
                        tuple(GroupEventKind.MEMBERS_REMOVED, "-1001234567890", "-1001234567890:506"),
                        tuple(GroupEventKind.TITLE_CHANGED, "-1001234567890", "-1001234567890:507"),
                        tuple(GroupEventKind.MESSAGE_PINNED, "-1001234567890", "-1001234567890:508"),
                        tuple(GroupEventKind.MIGRATED_TO, "-4001", "-4001:41"),
                        tuple(GroupEventKind.MIGRATED_FROM, "-1002222222222", "-1002222222222:1"),
                        tuple(GroupEventKind.PHOTO_CHANGED, "-1001234567890", "-1001234567890:513"));
        assertThat(update(7).message()).as("a service message is no message event").isNull();
        assertThat(update(7).groupEvents().get(0).getMemberIds()).containsExactly("6120448732");
        assertThat(update(9).groupEvents().get(0).getTitle()).isEqualTo("Quedadas Madrid 2 (test)");
        assertThat(update(10).groupEvents().get(0).getLinks()).containsExactly("https://t.me/+BackupAbc123");
        assertThat(update(10).groupEvents().get(0).getPinnedMessageId()).isEqualTo("480");
        assertThat(update(11).migratedTo()).isEqualTo("-1002222222222");
        assertThat(update(11).groupEvents().get(0).getRelatedChatId()).isEqualTo("-1002222222222");
        assertThat(update(12).groupEvents().get(0).getRelatedChatId()).isEqualTo("-4001");
        assertThat(update(21).groupPhoto().fileId()).isEqualTo("chatphoto-1");
    }

    @Test
    void chatMemberUpdatesRecordJoinsByLinkAndTheBotsOwnMembership() {
        GroupEvent bot = update(13).groupEvents().get(0);
        GroupEvent join = update(14).groupEvents().get(0);

        assertThat(bot.getKind()).isEqualTo(GroupEventKind.BOT_MEMBERSHIP_CHANGED);
        assertThat(bot.getEventId()).isEqualTo("bot:800000013");
        assertThat(join.getKind()).isEqualTo(GroupEventKind.JOINED_BY_LINK);
        assertThat(join.getLinks()).containsExactly("https://t.me/+AbCdEfGh123");
        assertThat(join.getMemberIds()).containsExactly("6120448732");
    }

    @Test
    void kindsVigilDoesNotRecordStillMoveTheOffset() {
        assertThat(update(15).recorded()).isFalse();
        assertThat(update(15).outcome()).isEqualTo("ignored_kind");
        assertThat(update(15).kind()).isEqualTo("message_reaction");
        assertThat(update(20).outcome()).isEqualTo("private_chat");
        assertThat(update(15).updateId()).isEqualTo(800000015L);
    }

    @Test
    void stickersContactsForwardsDeletedAccountsAndVideosMapAsTheyShould() {
        assertThat(update(16).message().getMedia()).extracting(MediaItem::getKind, MediaItem::getThumbnailOf)
                .containsExactly(tuple(MediaKind.STICKER, null), tuple(MediaKind.PHOTO, 0));
        assertThat(update(16).downloads()).extracting(BotUpdate.Download::fileId).containsExactly("sticker-file", "sticker-thumb");
        assertThat(update(17).message().getText()).isEqualTo("Lucía Demo +34612345678");
        assertThat(update(18).message().getForwardedFrom().getChatId()).isEqualTo("-1003333333333");
        assertThat(update(18).message().getForwardedFrom().getMessageId()).isEqualTo("77");
        assertThat(update(19).message().getSenderId()).isEqualTo("5999999999");
        BotUpdate video = update(22);
        assertThat(video.message().getMedia()).extracting(MediaItem::getKind, MediaItem::getUnavailable)
                .containsExactly(tuple(MediaKind.VIDEO, "not_downloaded"), tuple(MediaKind.PHOTO, null));
        assertThat(video.downloads()).extracting(BotUpdate.Download::fileId).containsExactly("video-thumb");
    }
}
