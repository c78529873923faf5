package dev.mailgate.multimail.sandbox.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UlidGeneratorTest {

  private final MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
  private final UlidGenerator ulids = new UlidGenerator(clock);

  @Test
  void idsAreCrockfordBase32AndStrictlyIncreasingWithinOneMillisecond() {
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      ids.add(ulids.next());
    }
    assertThat(ids).allMatch(id -> id.matches("[0-9A-HJKMNP-TV-Z]{26}"));
    assertThat(ids).isSorted().doesNotHaveDuplicates();
  }

  @Test
  void idsStayIncreasingWhenTheClockStepsBack() {
    String before = ulids.next();
    clock.advance(Duration.ofSeconds(-5));
    assertThat(ulids.next()).isGreaterThan(before);
  }

  @Test
  void timePartEncodesTheMillisecond() {
    String early = ulids.next();
    clock.advance(Duration.ofMillis(1));
    String later = ulids.next();
    assertThat(later.substring(0, 10)).isGreaterThan(early.substring(0, 10));
    assertThat(UlidGenerator.encode(0, 0, 0)).isEqualTo("0".repeat(26));
    assertThat(UlidGenerator.encode((1L << 48) - 1, 0xFFFF, -1L)).isEqualTo("7" + "Z".repeat(25));
  }
}
