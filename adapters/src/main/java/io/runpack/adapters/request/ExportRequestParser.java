package io.runpack.adapters.request;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.json.JsonLimits;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.Limits;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.json.JsonValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The one front door of a runpack_export request, for every front end (the CLI, the Lambda
 * function's direct and API Gateway callers, dev mode): request bytes in, an export command or a
 * typed failure out, with the same code and message whoever asks.
 *
 * <p>In order: the size limit ({@link Limits#MAX_REQUEST_BYTES}); strict JSON (UTF-8 only, no
 * duplicate keys, depth and number limits: {@code invalid_json} or {@code limit_exceeded} with line
 * and column); the tool's input JSON Schema (docs/spec/runpack_export.tool.txt, draft 2020-12:
 * every violation named by its {@code $.field}); then the domain's own rules (exact 64-bit
 * integers, safe identifiers, the manifest name: the first violation). Thread-safe.
 */
public final class ExportRequestParser {

  static final String SCHEMA_RESOURCE = "runpack_export.input.schema.json";
  static final String SCHEMA_MISMATCH = "request does not match the runpack_export input schema: ";

  /** Schema violations named in one error message; the others are counted. */
  static final int MAX_VIOLATIONS_SHOWN = 10;

  /** Characters of one violation shown (a member's name may be kilobytes long). */
  static final int MAX_VIOLATION_CHARS = 200;

  private final JacksonJsonCodec codec = new JacksonJsonCodec(JsonLimits.REQUEST);
  private final ObjectMapper mapper = new ObjectMapper(codec.factory());
  private final Schema schema;

  public ExportRequestParser() {
    try (InputStream in = ExportRequestParser.class.getResourceAsStream(SCHEMA_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(SCHEMA_RESOURCE + " is missing from the classpath");
      }
      this.schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + SCHEMA_RESOURCE, e);
    }
  }

  /** The command the request asks for; a {@link RunpackException} says why not. */
  public ExportRunpackCommand parse(byte[] request) {
    if (request.length > Limits.MAX_REQUEST_BYTES) {
      throw new RunpackException(
          ErrorCode.LIMIT_EXCEEDED,
          "request exceeds the limit of " + Limits.MAX_REQUEST_BYTES + " bytes");
    }
    JsonValue value = codec.decode(request);
    Set<String> violations = new LinkedHashSet<>(); // a oneOf may report one twice
    for (Error error : schema.validate(tree(request))) {
      violations.add(location(error.getInstanceLocation()) + ": " + error.getMessage());
    }
    if (!violations.isEmpty()) {
      throw new RunpackException(ErrorCode.INVALID_REQUEST, SCHEMA_MISMATCH + shown(violations));
    }
    return ExportRunpackCommand.fromJson(value);
  }

  /**
   * The first {@link #MAX_VIOLATIONS_SHOWN} violations, each cut at {@link #MAX_VIOLATION_CHARS},
   * and how many more: a 64 KiB request of thousands of unknown members would otherwise make a
   * message of megabytes, in every response, log and workflow state that carries it.
   */
  private static String shown(Set<String> violations) {
    List<String> shown = new ArrayList<>();
    for (String violation : violations) {
      if (shown.size() == MAX_VIOLATIONS_SHOWN) {
        break;
      }
      int cut = MAX_VIOLATION_CHARS;
      if (violation.length() > cut && Character.isHighSurrogate(violation.charAt(cut - 1))) {
        cut--; // not half a character
      }
      shown.add(violation.length() <= cut ? violation : violation.substring(0, cut) + "…");
    }
    int more = violations.size() - shown.size();
    return String.join("; ", shown) + (more == 0 ? "" : "; and " + more + " more");
  }

  /**
   * The same bytes as Jackson's tree, which the schema validator reads (already checked strictly).
   */
  private JsonNode tree(byte[] request) {
    try {
      return mapper.readTree(request);
    } catch (IOException e) {
      throw new RunpackException(ErrorCode.INVALID_JSON, "request is not JSON: " + e.getMessage());
    }
  }

  /**
   * {@code $} for the request, {@code $.generated_at.kind} for a member, {@code $.a[0]} for an
   * item.
   */
  private static String location(NodePath path) {
    StringBuilder out = new StringBuilder("$");
    for (int i = 0; i < path.getNameCount(); i++) {
      Object element = path.getElement(i);
      out.append(element instanceof Integer index ? "[" + index + "]" : "." + element);
    }
    return out.toString();
  }
}
