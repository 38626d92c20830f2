package io.runpack.cli;

import io.runpack.domain.json.RunpackJson;
import io.runpack.json.JsonValue;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The process's standard streams, and the ways results are printed. */
final class Console {

  final InputStream in;
  final PrintStream out;
  final PrintStream err;
  boolean debug;

  /** What standard input was read for ({@link Inputs}), or null while it is unread. */
  String stdinReadFor;

  Console(InputStream in, PrintStream out, PrintStream err) {
    this.in = in;
    this.out = out;
    this.err = err;
  }

  /** Prints {@code value} as canonical JSON, then a newline, on stdout. */
  void printJson(JsonValue value) {
    byte[] bytes = RunpackJson.toBytes(value);
    out.write(bytes, 0, bytes.length);
    out.write('\n');
    out.flush();
  }

  /** Prints bytes on stdout as they are. */
  void printBytes(byte[] bytes) {
    out.write(bytes, 0, bytes.length);
    out.flush();
  }

  void printText(String text) {
    printBytes(text.getBytes(StandardCharsets.UTF_8));
  }
}
