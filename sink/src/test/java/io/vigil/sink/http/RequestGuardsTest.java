package io.vigil.sink.http;

import io.javalin.http.BadRequestResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RequestGuardsTest {

    @Test
    void identifiersWithLineBreaksOrPathsAreRefusedBeforeUse() {
        assertThat(Identifiers.item("telegram:-1001234:42")).isEqualTo("telegram:-1001234:42");
        assertThatThrownBy(() -> Identifiers.item("telegram:c1:m1\nforged audit line")).isInstanceOf(BadRequestResponse.class);
        assertThatThrownBy(() -> Identifiers.chat("../../etc")).isInstanceOf(BadRequestResponse.class);
        assertThatThrownBy(() -> Identifiers.queue("Urgent")).isInstanceOf(BadRequestResponse.class);
        assertThatThrownBy(() -> Identifiers.caseId("case:x\r")).isInstanceOf(BadRequestResponse.class);
        assertThatThrownBy(() -> Identifiers.mediaIndex("-1")).isInstanceOf(BadRequestResponse.class);
    }

    @Test
    void aPersonsAllowanceRefillsOverTheMinute() {
        io.vigil.runtime.testing.MutableClock clock = new io.vigil.runtime.testing.MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
        RateLimits limits = new RateLimits(3, clock);

        assertThat(limits.tryAcquire("alice")).isTrue();
        assertThat(limits.tryAcquire("alice")).isTrue();
        assertThat(limits.tryAcquire("alice")).isTrue();
        assertThat(limits.tryAcquire("alice")).as("a burst of a minute's allowance, then no more").isFalse();
        assertThat(limits.tryAcquire("bob")).as("per person").isTrue();
        clock.advance(Duration.ofSeconds(20));
        assertThat(limits.tryAcquire("alice")).as("one token back after a third of a minute").isTrue();
        assertThat(limits.tryAcquire("alice")).isFalse();
    }
}
