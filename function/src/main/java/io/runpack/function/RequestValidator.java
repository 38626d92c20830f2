package io.runpack.function;

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
import io.runpack.domain.json.JsonValue;
import io.runpack.domain.port.in.ExportRunpackCommand;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns request bytes into an export command, refusing anything the runpack_export contract does
 * not allow: strict JSON (duplicate keys, limits), then the tool's input JSON Schema (draft
 * 2020-12, every violation reported with its field), then the domain's own rules (safe identifiers,
 * manifest name, exact integers).
 */
@Singleton
public class RequestValidator {

  private static final String SCHEMA = "/schema/runpack_export.input.schema.json";

  private final JacksonJsonCodec codec;
  private final ObjectMapper mapper = new ObjectMapper();
  private final Schema schema;

  public RequestValidator(RunpackConfig config) {
    this.codec =
        new JacksonJsonCodec(
            JsonLimits.DEFAULTS.withMaxDocumentBytes(config.limits().maxRequestBytes()));
    try (InputStream in = RequestValidator.class.getResourceAsStream(SCHEMA)) {
      this.schema =
          SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
              .getSchema(
                  new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8),
                  InputFormat.JSON);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot load " + SCHEMA, e);
    }
  }

  public ExportRunpackCommand validate(byte[] body) {
    JsonValue request =
        codec.decode(body); // strict first: duplicate keys, limits, trailing content
    JsonNode tree;
    try {
      tree = mapper.readTree(body);
    } catch (IOException e) {
      throw new RunpackException(ErrorCode.INVALID_JSON, "request is not JSON: " + e.getMessage());
    }
    List<String> violations = new ArrayList<>();
    for (Error error : schema.validate(tree)) {
      violations.add(location(error.getInstanceLocation()) + ": " + error.getMessage());
    }
    if (!violations.isEmpty()) {
      throw new RunpackException(
          ErrorCode.INVALID_REQUEST,
          "request does not match the runpack_export input schema: "
              + String.join("; ", violations));
    }
    return ExportRunpackCommand.fromJson(request);
  }

  /**
   * {@code $} for the request itself, {@code $.generated_at.kind} for a member, {@code $.a[0]} for
   * an item.
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
