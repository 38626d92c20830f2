package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.runpack.adapters.filesystem.FileSystemRunStore;
import io.runpack.adapters.filesystem.FileSystemRunpackStorage;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.json.JsonArray;
import io.runpack.domain.json.JsonObject;
import io.runpack.domain.json.JsonValue;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Export is deterministic: whatever order the members of the stored records (and of the spec and
 * state) come in, and whatever whitespace, the runpack is Decision Gate's, byte for byte.
 */
class ExportDeterminismProperties {

  private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

  @Provide
  Arbitrary<String> labels() {
    return Arbitraries.of(Fixtures.LABELS);
  }

  @Property(tries = 60)
  void exportIgnoresMemberOrderAndWhitespace(@ForAll("labels") String label, @ForAll long seed)
      throws IOException {
    Path temp = Files.createTempDirectory("runpack-determinism");
    JsonValue bundle = CODEC.decode(Fixtures.read(Fixtures.runBundle(label)));
    String shuffled = write(shuffle(bundle, new Random(seed)), new Random(seed + 1));
    JsonObject state = (JsonObject) ((JsonObject) bundle).get("state").orElseThrow();
    String run = ((io.runpack.domain.json.JsonString) state.get("run_id").orElseThrow()).value();
    Fixtures.write(
        temp.resolve("runs/1/1/" + run + ".json"), shuffled.getBytes(StandardCharsets.UTF_8));

    new ExportRunpackService(
            new FileSystemRunStore(temp.resolve("runs"), CODEC),
            new FileSystemRunpackStorage(Optional.empty()),
            CODEC,
            new ExportSettings(Optional.of(Fixtures.DG_SECURITY), Optional.empty()))
        .export(
            ExportRunpackCommand.fromJson(CODEC.decode(Fixtures.read(Fixtures.request(label))))
                .withOutputDir(temp.resolve("out").toString()));

    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(label));
    Map<String, byte[]> actual = Fixtures.readTree(temp.resolve("out"));
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  /** The same value with every object's members in a random order (arrays keep theirs). */
  static JsonValue shuffle(JsonValue value, Random random) {
    if (value instanceof JsonObject object) {
      List<Map.Entry<String, JsonValue>> members = new ArrayList<>(object.members().entrySet());
      Collections.shuffle(members, random);
      JsonObject.Builder builder = JsonObject.builder();
      members.forEach(m -> builder.put(m.getKey(), shuffle(m.getValue(), random)));
      return builder.build();
    }
    if (value instanceof JsonArray array) {
      List<JsonValue> elements = new ArrayList<>();
      array.elements().forEach(e -> elements.add(shuffle(e, random)));
      return new JsonArray(elements);
    }
    return value;
  }

  /**
   * Non-canonical text: members in their given order, random whitespace, original number lexemes.
   */
  static String write(JsonValue value, Random random) throws IOException {
    StringWriter out = new StringWriter();
    try (var generator = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
      if (random.nextBoolean()) {
        generator.useDefaultPrettyPrinter();
      }
      JacksonJsonCodec.write(value, generator);
    }
    return out.toString();
  }
}
