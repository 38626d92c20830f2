package io.runpack.cli;

import io.runpack.adapters.support.LocalRunpack;
import io.runpack.domain.model.Timestamp;
import io.runpack.json.CanonicalJson;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.nio.file.Path;

/**
 * Decision Gate's reference runs as its CLI takes them (a spec file and a state file), and the
 * reference runpack its CLI writes for them, built by Decision Gate's rules from the golden
 * runpacks (which were exported with a security context and {@code manifest.json}): the same
 * artifacts, and the same manifest without {@code security} and with {@code generated_at} in unix
 * milliseconds, under {@code runpack.json}.
 */
final class DecisionGateFiles {

  private DecisionGateFiles() {}

  /** Writes the reference run {@code label} as {@code <dir>/spec.json} and {@code state.json}. */
  static void writeSpecAndState(String label, Path dir) {
    JsonObject bundle = (JsonObject) LocalRunpack.json(Fixtures.read(Fixtures.runBundle(label)));
    Fixtures.write(dir.resolve("spec.json"), CanonicalJson.toBytes(member(bundle, "spec")));
    Fixtures.write(dir.resolve("state.json"), CanonicalJson.toBytes(member(bundle, "state")));
  }

  /** The bytes of the manifest Decision Gate's CLI writes for {@code label} at {@code millis}. */
  static byte[] referenceManifest(String label, long millis) {
    JsonObject golden =
        (JsonObject)
            LocalRunpack.json(Fixtures.read(Fixtures.golden(label).resolve("manifest.json")));
    JsonObject.Builder manifest = JsonObject.builder();
    golden
        .members()
        .forEach(
            (key, value) -> {
              if (key.equals("generated_at")) {
                manifest.put(key, Timestamp.unixMillis(millis).toJson());
              } else if (!key.equals("security")) {
                manifest.put(key, value);
              }
            });
    return CanonicalJson.toBytes(manifest.build());
  }

  private static JsonValue member(JsonObject object, String key) {
    return object.get(key).orElseThrow();
  }
}
