package io.runpack.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.runpack.adapters.filesystem.FileSystemRunStore;
import io.runpack.adapters.filesystem.FileSystemRunpackStorage;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import io.runpack.testsupport.Fixtures;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Export is deterministic: whatever order the members of the stored records (and of the spec and
 * state) come in, and whatever whitespace, the runpack is Decision Gate's, byte for byte. Checked
 * on seeded random layouts of both reference runs ({@link Cases}).
 */
class ExportDeterminismProperties {

  private static final JacksonJsonCodec CODEC = new JacksonJsonCodec();

  /** How the stored run bundle's text is laid out. */
  enum Whitespace {
    /** None at all. */
    NONE,
    /** Jackson's default pretty printer. */
    PRETTY,
    /** Random runs of whitespace around every token and the document. */
    RANDOM
  }

  /** A reference run stored with its members shuffled by {@code shuffleSeed}, laid out so. */
  record Layout(String label, long shuffleSeed, Whitespace whitespace) {
    @Override
    public String toString() {
      return "Layout[label="
          + label
          + ", shuffleSeed="
          + Cases.hex(shuffleSeed)
          + ", whitespace="
          + whitespace
          + "]";
    }
  }

  @TempDir Path temp;

  @Test
  void exportIgnoresMemberOrderAndWhitespace() {
    Cases.seeded(
        0xde7e_0001L,
        60,
        random ->
            new Layout(
                Tampering.pick(random, Fixtures.LABELS),
                random.nextLong(),
                Whitespace.values()[random.nextInt(Whitespace.values().length)]),
        this::exportIsTheGolden);
  }

  private void exportIsTheGolden(Layout layout) {
    Path dir = temp.resolve(layout.label() + "-" + Long.toHexString(layout.shuffleSeed()));
    JsonValue bundle = CODEC.decode(Fixtures.read(Fixtures.runBundle(layout.label())));
    SplittableRandom random = new SplittableRandom(layout.shuffleSeed());
    String stored = write(shuffle(bundle, random), layout.whitespace(), random);
    JsonObject state = (JsonObject) ((JsonObject) bundle).get("state").orElseThrow();
    String run = ((JsonString) state.get("run_id").orElseThrow()).value();
    Fixtures.write(
        dir.resolve("runs/1/1/" + run + ".json"), stored.getBytes(StandardCharsets.UTF_8));

    new ExportRunpackService(
            new FileSystemRunStore(dir.resolve("runs"), CODEC),
            new FileSystemRunpackStorage(Optional.empty()),
            CODEC,
            new ExportSettings(Optional.of(Fixtures.DG_SECURITY), Optional.empty()))
        .export(
            ExportRunpackCommand.fromJson(
                    CODEC.decode(Fixtures.read(Fixtures.request(layout.label()))))
                .withOutputDir(dir.resolve("out").toString()));

    Map<String, byte[]> expected = Fixtures.readTree(Fixtures.golden(layout.label()));
    Map<String, byte[]> actual = Fixtures.readTree(dir.resolve("out"));
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((path, bytes) -> assertArrayEquals(bytes, actual.get(path), path));
  }

  /** The same value with every object's members in a random order (arrays keep theirs). */
  static JsonValue shuffle(JsonValue value, SplittableRandom random) {
    if (value instanceof JsonObject object) {
      List<Map.Entry<String, JsonValue>> members = new ArrayList<>(object.members().entrySet());
      for (int i = members.size() - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        Map.Entry<String, JsonValue> swap = members.get(i);
        members.set(i, members.get(j));
        members.set(j, swap);
      }
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

  /** Non-canonical text: members in their given order, original number lexemes, laid out so. */
  static String write(JsonValue value, Whitespace whitespace, SplittableRandom random) {
    StringWriter out = new StringWriter();
    RandomWhitespace randomWhitespace = new RandomWhitespace(random);
    try (JsonGenerator generator = new JsonFactory().createGenerator(out)) {
      switch (whitespace) {
        case NONE -> {}
        case PRETTY -> generator.useDefaultPrettyPrinter();
        case RANDOM -> {
          generator.setPrettyPrinter(randomWhitespace);
          out.write(randomWhitespace.next());
        }
      }
      JacksonJsonCodec.write(value, generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (whitespace == Whitespace.RANDOM) {
      out.write(randomWhitespace.next());
    }
    return out.toString();
  }
}
