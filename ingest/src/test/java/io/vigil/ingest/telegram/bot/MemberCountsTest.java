package io.vigil.ingest.telegram.bot;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class MemberCountsTest {

    private static final long MS = 1_000_000L;

    @Test
    void aCountIsAskedWhenFirstSeenAndWhenStaleAndNeverFasterThanTheMinimumInterval() {
        AtomicLong now = new AtomicLong();
        List<String> asked = new ArrayList<>();
        long[] count = {100};
        MemberCounts counts = new MemberCounts(chat -> {
            asked.add(chat);
            return count[0]++;
        }, 60_000, 1_000, now::get);

        assertThat(counts.current("-1001")).hasValue(100);
        now.addAndGet(10 * MS);
        assertThat(counts.current("-1002")).as("another chat, but within the minimum interval").isEmpty();
        now.addAndGet(1_000 * MS);
        assertThat(counts.current("-1002")).hasValue(101);
        now.addAndGet(30_000 * MS);
        assertThat(counts.current("-1001")).as("fresh: the cached count").hasValue(100);
        now.addAndGet(30_000 * MS);
        assertThat(counts.current("-1001")).as("stale: asked again").hasValue(102);

        assertThat(asked).containsExactly("-1001", "-1002", "-1001");
    }

    @Test
    void aRefusedCountKeepsTheLastOneKnown() {
        AtomicLong now = new AtomicLong();
        boolean[] refuse = {false};
        MemberCounts counts = new MemberCounts(chat -> {
            if (refuse[0]) {
                throw new BotApiException("getChatMemberCount", 400, "Bad Request: not enough rights", 0);
            }
            return 42;
        }, 1_000, 0, now::get);

        assertThat(counts.current("-1001")).hasValue(42);
        refuse[0] = true;
        now.addAndGet(2_000 * MS);
        assertThat(counts.current("-1001")).hasValue(42);
        assertThat(counts.current("-1009")).isEqualTo(OptionalLong.empty());
    }
}
