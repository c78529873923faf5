package dev.mailgate.approval.domain;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * 64-bit SimHash over word shingles: near-identical texts get fingerprints a few bits apart, so
 * near-duplicate detection is a local Hamming-distance comparison, no model call.
 */
public final class SimHash {

  private static final int SHINGLE = 3;
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private SimHash() {}

  /** The fingerprint of already normalised text (see {@link ContentKeys#normalise}). */
  public static long of(String normalised) {
    List<String> words = List.of(normalised.split(" "));
    int[] weights = new int[64];
    int shingles = Math.max(1, words.size() - SHINGLE + 1);
    for (int i = 0; i < shingles; i++) {
      String shingle = String.join(" ", words.subList(i, Math.min(words.size(), i + SHINGLE)));
      long hash = fnv1a(shingle);
      for (int bit = 0; bit < 64; bit++) {
        weights[bit] += ((hash >>> bit) & 1L) == 1L ? 1 : -1;
      }
    }
    long fingerprint = 0;
    for (int bit = 0; bit < 64; bit++) {
      if (weights[bit] > 0) {
        fingerprint |= 1L << bit;
      }
    }
    return fingerprint;
  }

  /** How many bits two fingerprints differ in. */
  public static int distance(long a, long b) {
    return Long.bitCount(a ^ b);
  }

  private static long fnv1a(String text) {
    long hash = FNV_OFFSET;
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      hash ^= b & 0xff;
      hash *= FNV_PRIME;
    }
    // FNV's low bits mix poorly for short inputs; a final avalanche spreads them over all 64.
    hash ^= hash >>> 33;
    hash *= 0xff51afd7ed558ccdL;
    hash ^= hash >>> 33;
    return hash;
  }
}
