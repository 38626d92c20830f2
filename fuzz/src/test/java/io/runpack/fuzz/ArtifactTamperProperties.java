package io.runpack.fuzz;

import static io.runpack.fuzz.Tampering.artifacts;
import static io.runpack.fuzz.Tampering.assertDetected;
import static io.runpack.fuzz.Tampering.fresh;
import static io.runpack.fuzz.Tampering.pick;
import static io.runpack.fuzz.Tampering.pristine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * An artifact of a runpack cannot be changed unnoticed: any single-byte change, truncation or
 * extension of one, the removal of one or several, and the swap of two with different contents are
 * detected (the report fails, or the manifest is refused), in each of Decision Gate's reference
 * runpacks. Small spaces are checked whole; large ones on edge cases and seeded random cases
 * ({@link Cases}).
 */
class ArtifactTamperProperties {

  /** One byte of an artifact XOR-ed with {@code flip} (1 to 255). */
  record ByteFlip(String runpack, String path, int position, int flip) {}

  /** An artifact cut ({@code change < 0}) or grown with spaces ({@code change > 0}). */
  record Resize(String runpack, String path, int change) {}

  /** Artifacts removed. */
  record Removal(String runpack, List<String> paths) {}

  /** Two artifacts' contents exchanged. */
  record Swap(String runpack, String first, String second) {}

  @Test
  void singleByteChangeOfAnArtifactIsDetected() {
    List<ByteFlip> edges = new ArrayList<>();
    for (String runpack : Tampering.NAMES) {
      for (String path : artifacts(runpack)) {
        int last = pristine(runpack, path).length - 1;
        for (int position : new int[] {0, last}) {
          edges.add(new ByteFlip(runpack, path, position, 0x01));
          edges.add(new ByteFlip(runpack, path, position, 0xff));
        }
      }
    }
    Cases.every(edges, ArtifactTamperProperties::flipIsDetected);
    Cases.seeded(
        0x7a3b_0001L,
        300,
        random -> {
          String runpack = pick(random, Tampering.NAMES);
          String path = pick(random, artifacts(runpack));
          int length = pristine(runpack, path).length;
          return new ByteFlip(runpack, path, random.nextInt(length), Cases.between(random, 1, 255));
        },
        ArtifactTamperProperties::flipIsDetected);
  }

  @Test
  void truncationOrExtensionOfAnArtifactIsDetected() {
    List<Resize> edges = new ArrayList<>();
    for (String runpack : Tampering.NAMES) {
      for (String path : artifacts(runpack)) {
        int length = pristine(runpack, path).length;
        for (int change : new int[] {-length, -1, 1, 64}) {
          edges.add(new Resize(runpack, path, change));
        }
      }
    }
    Cases.every(edges, ArtifactTamperProperties::resizeIsDetected);
    Cases.seeded(
        0x7a3b_0002L,
        200,
        random -> {
          String runpack = pick(random, Tampering.NAMES);
          int change = Cases.between(random, -2_000, 64);
          return new Resize(runpack, pick(random, artifacts(runpack)), change == 0 ? 1 : change);
        },
        ArtifactTamperProperties::resizeIsDetected);
  }

  @Test
  void removalOfAnArtifactIsDetected() {
    List<Removal> every = new ArrayList<>();
    for (String runpack : Tampering.NAMES) {
      artifacts(runpack).forEach(path -> every.add(new Removal(runpack, List.of(path))));
    }
    Cases.every(every, ArtifactTamperProperties::removalIsDetected);
  }

  @Test
  void removalOfSeveralArtifactsIsDetected() {
    Cases.seeded(
        0x7a3b_0003L,
        100,
        random -> {
          String runpack = pick(random, Tampering.NAMES);
          return new Removal(runpack, Tampering.several(random, artifacts(runpack)));
        },
        ArtifactTamperProperties::removalIsDetected);
  }

  @Test
  void swappingTwoArtifactsIsDetected() {
    List<Swap> every = new ArrayList<>();
    for (String runpack : Tampering.NAMES) {
      for (String first : artifacts(runpack)) {
        for (String second : artifacts(runpack)) {
          every.add(new Swap(runpack, first, second));
        }
      }
    }
    Cases.every(
        every,
        swap -> {
          if (Arrays.equals(
              pristine(swap.runpack(), swap.first()), pristine(swap.runpack(), swap.second()))) {
            return; // the same file, or identical contents (two empty logs): nothing changes
          }
          MemoryRunpack runpack = fresh(swap.runpack());
          byte[] first = runpack.files.get(swap.first());
          runpack.files.put(swap.first(), runpack.files.get(swap.second()));
          runpack.files.put(swap.second(), first);
          assertDetected(runpack);
        });
  }

  private static void flipIsDetected(ByteFlip flip) {
    MemoryRunpack runpack = fresh(flip.runpack());
    runpack.files.get(flip.path())[flip.position()] ^= (byte) flip.flip();
    assertDetected(runpack);
  }

  private static void resizeIsDetected(Resize resize) {
    MemoryRunpack runpack = fresh(resize.runpack());
    byte[] bytes = runpack.files.get(resize.path());
    int length = Math.max(0, bytes.length + resize.change());
    byte[] changed = Arrays.copyOf(bytes, length);
    for (int i = bytes.length; i < length; i++) {
      changed[i] = ' ';
    }
    runpack.files.put(resize.path(), changed);
    assertDetected(runpack);
  }

  private static void removalIsDetected(Removal removal) {
    MemoryRunpack runpack = fresh(removal.runpack());
    removal.paths().forEach(runpack.files::remove);
    assertDetected(runpack);
  }
}
