package dev.mailgate.events.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;

/**
 * The hash tree that lets one signature cover a whole batch of approvals: leaves are {@code
 * SHA-256(0x00 || canonical form)}, inner nodes {@code SHA-256(0x01 || left || right)} (an odd last
 * node moves up unchanged), and the signed message is {@value #ROOT_PREFIX} followed by the root. A
 * record's proof lists, from its leaf up, each sibling as one side byte (0: the sibling is on the
 * left, 1: on the right) and its 32-byte hash; a batch of one has an empty proof and its leaf is
 * the root.
 */
final class ApprovalMerkle {

  /** What the signature covers: this line, then the 32-byte root. */
  static final String ROOT_PREFIX = "mailgate-approved-root-v1\n";

  static final int ENTRY = 33;

  /** No batch is this deep (2^32 approvals); a longer proof is malformed. */
  static final int MAX_DEPTH = 32;

  private ApprovalMerkle() {}

  static byte[] leaf(byte[] canonical) {
    MessageDigest sha = sha256();
    sha.update((byte) 0);
    return sha.digest(canonical);
  }

  static byte[] node(byte[] left, byte[] right) {
    MessageDigest sha = sha256();
    sha.update((byte) 1);
    sha.update(left);
    return sha.digest(right);
  }

  /** The message the signature covers for {@code root}. */
  static byte[] signed(byte[] root) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ROOT_PREFIX.getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(root);
    return out.toByteArray();
  }

  /** The levels of the tree over {@code leaves}, the leaves first and the root last. */
  static List<List<byte[]>> levels(List<byte[]> leaves) {
    List<List<byte[]>> levels = new ArrayList<>();
    List<byte[]> level = leaves;
    levels.add(level);
    while (level.size() > 1) {
      List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
      for (int i = 0; i < level.size(); i += 2) {
        up.add(i + 1 < level.size() ? node(level.get(i), level.get(i + 1)) : level.get(i));
      }
      levels.add(up);
      level = up;
    }
    return levels;
  }

  /** The proof of the leaf at {@code index}. */
  static byte[] proof(List<List<byte[]>> levels, int index) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int at = index;
    for (int depth = 0; depth < levels.size() - 1; depth++) {
      List<byte[]> level = levels.get(depth);
      int sibling = at ^ 1;
      if (sibling < level.size()) {
        out.write(sibling < at ? 0 : 1);
        out.writeBytes(level.get(sibling));
      }
      at /= 2;
    }
    return out.toByteArray();
  }

  /** The root that {@code leaf} and {@code proof} lead to; null when the proof is malformed. */
  static byte[] root(byte[] leaf, byte[] proof) {
    if (proof.length % ENTRY != 0 || proof.length / ENTRY > MAX_DEPTH) {
      return null;
    }
    byte[] hash = leaf;
    for (int at = 0; at < proof.length; at += ENTRY) {
      byte side = proof[at];
      byte[] sibling = java.util.Arrays.copyOfRange(proof, at + 1, at + ENTRY);
      if (side == 0) {
        hash = node(sibling, hash);
      } else if (side == 1) {
        hash = node(hash, sibling);
      } else {
        return null;
      }
    }
    return hash;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }
}
