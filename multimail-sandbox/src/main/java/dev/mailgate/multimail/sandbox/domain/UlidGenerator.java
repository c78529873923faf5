package dev.mailgate.multimail.sandbox.domain;

import java.security.SecureRandom;
import java.time.Clock;

/**
 * Monotonic ULIDs (26 Crockford base32 chars): within one millisecond, or when the clock steps
 * back, the random part is incremented, so every id is strictly greater than the previous one.
 */
public final class UlidGenerator {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private final Clock clock;
  private final SecureRandom random = new SecureRandom();
  private long lastMillis = -1;
  private long randomHigh; // 16 bits
  private long randomLow; // 64 bits, unsigned

  public UlidGenerator(Clock clock) {
    this.clock = clock;
  }

  public synchronized String next() {
    long now = clock.millis();
    if (now > lastMillis) {
      lastMillis = now;
      randomHigh = random.nextInt(1 << 16);
      randomLow = random.nextLong();
    } else {
      randomLow++;
      if (randomLow == 0) {
        randomHigh++;
        if (randomHigh > 0xFFFF) {
          randomHigh = 0;
          lastMillis++;
        }
      }
    }
    return encode(lastMillis, randomHigh, randomLow);
  }

  static String encode(long millis, long high, long low) {
    char[] chars = new char[26];
    long time = millis;
    for (int i = 9; i >= 0; i--) {
      chars[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    long lo = low;
    long hi = high;
    for (int i = 25; i >= 10; i--) {
      chars[i] = ALPHABET[(int) (lo & 31)];
      lo = (lo >>> 5) | (hi << 59);
      hi >>>= 5;
    }
    return new String(chars);
  }
}
