package dev.mailgate.agent;

import java.security.SecureRandom;
import java.time.Clock;

/** ULIDs: 48 bits of epoch milliseconds, 80 random bits, 26 Crockford base32 characters. */
public final class IntentIds {

  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private IntentIds() {}

  public static String newUlid() {
    return ulid(Clock.systemUTC().millis());
  }

  static String ulid(long millis) {
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    char[] out = new char[26];
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (millis & 31)];
      millis >>>= 5;
    }
    long high = 0;
    long low = 0;
    for (int i = 0; i < 2; i++) {
      high = (high << 8) | (random[i] & 0xff);
    }
    for (int i = 2; i < 10; i++) {
      low = (low << 8) | (random[i] & 0xff);
    }
    // 80 bits = 16 characters: the low 64 bits give 12 full characters + 4 bits, the rest from
    // high.
    for (int i = 25; i >= 10; i--) {
      out[i] = ALPHABET[(int) (low & 31)];
      low = (low >>> 5) | ((high & 31) << 59);
      high >>>= 5;
    }
    return new String(out);
  }
}
