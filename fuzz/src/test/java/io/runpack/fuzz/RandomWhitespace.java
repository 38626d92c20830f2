package io.runpack.fuzz;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import java.io.IOException;
import java.util.SplittableRandom;

/**
 * A Jackson pretty printer that puts a random run of JSON whitespace (space, tab, line feed,
 * carriage return; often none) around every structural character, so a generated document has
 * whitespace wherever RFC 8259 allows it. Deterministic for a given random generator.
 */
final class RandomWhitespace implements PrettyPrinter {

  private static final char[] WHITESPACE = {' ', '\t', '\n', '\r'};

  private final SplittableRandom random;

  RandomWhitespace(SplittableRandom random) {
    this.random = random;
  }

  /** Zero to three whitespace characters, none half of the time. */
  String next() {
    StringBuilder out = new StringBuilder();
    if (random.nextBoolean()) {
      int count = 1 + random.nextInt(3);
      for (int i = 0; i < count; i++) {
        out.append(WHITESPACE[random.nextInt(WHITESPACE.length)]);
      }
    }
    return out.toString();
  }

  private void around(JsonGenerator generator, char c) throws IOException {
    generator.writeRaw(next() + c + next());
  }

  @Override
  public void writeRootValueSeparator(JsonGenerator generator) throws IOException {
    generator.writeRaw(next());
  }

  @Override
  public void writeStartObject(JsonGenerator generator) throws IOException {
    around(generator, '{');
  }

  @Override
  public void writeEndObject(JsonGenerator generator, int entries) throws IOException {
    around(generator, '}');
  }

  @Override
  public void writeObjectEntrySeparator(JsonGenerator generator) throws IOException {
    around(generator, ',');
  }

  @Override
  public void writeObjectFieldValueSeparator(JsonGenerator generator) throws IOException {
    around(generator, ':');
  }

  @Override
  public void writeStartArray(JsonGenerator generator) throws IOException {
    around(generator, '[');
  }

  @Override
  public void writeEndArray(JsonGenerator generator, int values) throws IOException {
    around(generator, ']');
  }

  @Override
  public void writeArrayValueSeparator(JsonGenerator generator) throws IOException {
    around(generator, ',');
  }

  @Override
  public void beforeArrayValues(JsonGenerator generator) throws IOException {
    generator.writeRaw(next());
  }

  @Override
  public void beforeObjectEntries(JsonGenerator generator) throws IOException {
    generator.writeRaw(next());
  }
}
