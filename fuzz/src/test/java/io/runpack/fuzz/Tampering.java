package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.VerificationReport;
import io.runpack.domain.port.in.VerifyRunpackCommand;
import io.runpack.domain.service.VerifyRunpackService;
import io.runpack.json.JsonObject;
import io.runpack.testsupport.Fixtures;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What the tamper properties work on: Decision Gate's three reference runpacks (both goldens and
 * the back-compat one), by name, each handed out as a fresh copy to change; and the check that a
 * change was detected (the report fails, or the manifest is refused as invalid).
 */
final class Tampering {

  static final JacksonJsonCodec CODEC = new JacksonJsonCodec();
  static final String MANIFEST = "manifest.json";

  private static final VerifyRunpackService VERIFIER = new VerifyRunpackService(CODEC);
  private static final Map<String, MemoryRunpack> RUNPACKS = new LinkedHashMap<>();

  static {
    RUNPACKS.put(
        "golden_time_after_pass", MemoryRunpack.of(Fixtures.golden("golden_time_after_pass")));
    RUNPACKS.put(
        "golden_visibility_packet", MemoryRunpack.of(Fixtures.golden("golden_visibility_packet")));
    RUNPACKS.put("backcompat_v1", MemoryRunpack.of(Fixtures.backcompat()));
  }

  /** The names of the runpacks, in a fixed order. */
  static final List<String> NAMES = List.copyOf(RUNPACKS.keySet());

  private Tampering() {}

  /** A copy of the named runpack that may be changed freely. */
  static MemoryRunpack fresh(String name) {
    return RUNPACKS.get(name).copy();
  }

  /** The artifact paths of the named runpack (every file under {@code artifacts/}), sorted. */
  static List<String> artifacts(String name) {
    return RUNPACKS.get(name).files.keySet().stream()
        .filter(p -> p.startsWith("artifacts/"))
        .toList();
  }

  /** The unchanged bytes of one file of the named runpack. */
  static byte[] pristine(String name, String path) {
    return RUNPACKS.get(name).files.get(path).clone();
  }

  static JsonObject manifest(MemoryRunpack runpack) {
    return (JsonObject) CODEC.decode(runpack.files.get(MANIFEST));
  }

  /** The change must not pass: the report fails, or the manifest is refused as invalid. */
  static void assertDetected(MemoryRunpack runpack) {
    VerificationReport report;
    try {
      report = VERIFIER.verify(new VerifyRunpackCommand(runpack, RunpackPath.of(MANIFEST)));
    } catch (RunpackException e) {
      assertEquals(ErrorCode.INVALID_MANIFEST, e.code(), e.getMessage());
      return;
    }
    assertFalse(report.passed(), "tampering went unnoticed");
  }

  static <T> T pick(SplittableRandom random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** At least two distinct elements of {@code values}, in a random order. */
  static <T> List<T> several(SplittableRandom random, List<T> values) {
    List<T> shuffled = new ArrayList<>(values);
    int count = Cases.between(random, 2, values.size());
    for (int i = 0; i < count; i++) {
      int j = Cases.between(random, i, shuffled.size() - 1);
      T swap = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, swap);
    }
    return List.copyOf(shuffled.subList(0, count));
  }
}
