package io.runpack.benchmarks;

import java.util.Random;

/**
 * Logs whose objects do not repeat their shapes, as payloads chosen by Decision Gate's users need
 * not: records whose member names never come again (names built from the record's index, in a
 * random order), and two shapes alternating that begin with the same name (records whose optional
 * fields differ). The canonicalizer's shape table ({@code KnownShapes}) pays for itself on records
 * alike; these logs measure what it costs where they are not.
 */
final class UnsharedShapes {

  private UnsharedShapes() {}

  /** Four to eight members whose names (letters, then the record's index) no record repeats. */
  static String unrepeated(int index, Random r) {
    StringBuilder j = new StringBuilder(256).append('{');
    int members = 4 + r.nextInt(5);
    for (int m = 0; m < members; m++) {
      j.append(m == 0 ? "\"" : ",\"");
      for (int letters = 3 + r.nextInt(10); letters > 0; letters--) {
        j.append((char) ('a' + r.nextInt(16)));
      }
      j.append('_').append(index).append('_').append(m).append("\":").append(r.nextInt(1000));
    }
    return j.append('}').toString();
  }

  /** Two shapes in turn, both beginning with {@code "id"}, neither in canonical order. */
  static String alternating(int index, Random r) {
    return index % 2 == 0
        ? "{\"id\":"
            + index
            + ",\"zeta\":"
            + r.nextInt(1000)
            + ",\"alpha\":"
            + r.nextInt(1000)
            + "}"
        : "{\"id\":"
            + index
            + ",\"beta\":"
            + r.nextInt(1000)
            + ",\"omega\":"
            + r.nextInt(1000)
            + ",\"gamma\":"
            + r.nextInt(1000)
            + "}";
  }
}
