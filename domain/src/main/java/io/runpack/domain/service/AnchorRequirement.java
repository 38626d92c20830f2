package io.runpack.domain.service;

import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.Limits;
import io.runpack.json.Canonicalizer;
import io.runpack.json.JsonException;
import io.runpack.json.JsonStream;
import io.runpack.json.JsonStream.Token;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * One provider's anchor requirement, applied to evidence anchors read from a checked gate-eval log
 * (FORMAT §3.5): the anchor's type, then its value, a string that must parse as a JSON object whose
 * required fields are strings or numbers. The value need not be canonical (whitespace, {@code 1.0}
 * and unsorted members are JSON, and Decision Gate passes them); it is read strictly, as every JSON
 * here: a repeated member name is not JSON (T3 of the threat model). The first problem is reported
 * with Decision Gate's words ({@code anchor_value must be canonical JSON} is its message for a
 * value that does not parse); the work is linear in the anchor's bytes.
 */
final class AnchorRequirement {

  private final AnchorPolicy.Requirement requirement;
  private final Set<String> required;
  private final Canonicalizer canonicalizer;

  /** {@code canonicalizer}: the working memory of the check, shared by its requirements. */
  AnchorRequirement(AnchorPolicy.Requirement requirement, Canonicalizer canonicalizer) {
    this.requirement = requirement;
    this.required = new HashSet<>(requirement.requiredFields());
    this.canonicalizer = canonicalizer;
  }

  /**
   * Why the anchor (a member of {@code json}, or null) fails the requirement; null when it meets
   * it.
   */
  String problemWith(byte[] json, StreamedObject.Member anchor) {
    if (anchor == null || anchor.token() != Token.START_OBJECT) {
      return "missing evidence_anchor";
    }
    StreamedObject fields =
        StreamedObject.at(json, anchor.offset(), "evidence_anchor", "anchor_type", "anchor_value");
    String actualType = shown(json, fields.member("anchor_type"));
    if (!requirement.anchorType().equals(actualType)) {
      return "anchor_type mismatch: expected " + requirement.anchorType() + " got " + actualType;
    }
    StreamedObject.Member value = fields.member("anchor_value");
    byte[] canonical =
        value == null || value.token() != Token.STRING
            ? null
            : canonicalOf(value.text().getBytes(StandardCharsets.UTF_8));
    if (canonical == null) {
      return "anchor_value must be canonical JSON";
    }
    if (canonical[0] != '{') {
      return "anchor_value must be a JSON object";
    }
    Map<String, Token> present = requiredMembers(canonical);
    for (String field : requirement.requiredFields()) {
      Token token = present.get(field);
      if (token == null) {
        return "anchor field " + field + " missing";
      }
      switch (token) {
        case NULL -> {
          return "anchor field " + field + " must be set";
        }
        case START_ARRAY, START_OBJECT -> {
          return "anchor field " + field + " must be scalar";
        }
        case TRUE, FALSE -> {
          return "anchor field " + field + " must be string or number";
        }
        default -> {
          // a string or a number
        }
      }
    }
    return null;
  }

  /** The type as the message shows it: a string as it is, anything else as its JSON text. */
  private static String shown(byte[] json, StreamedObject.Member type) {
    if (type == null) {
      return "null";
    }
    return switch (type.token()) {
      case STRING, NUMBER -> type.text();
      default ->
          new String(
              RunpackJson.canonicalize(
                  Arrays.copyOfRange(json, type.offset(), type.end()), Integer.MAX_VALUE - 8),
              StandardCharsets.UTF_8);
    };
  }

  /**
   * The canonical form of {@code bytes} when they are strict JSON text, else null. Canonical text
   * may be longer than its source ({@code 1e20} is 21 digits), so it is bounded by the artifact
   * limit, which the log holding the anchor already met.
   */
  private byte[] canonicalOf(byte[] bytes) {
    try {
      return canonicalizer.canonicalize(bytes, Limits.MAX_ARTIFACT_BYTES);
    } catch (JsonException e) {
      return null;
    }
  }

  /** The first token of each top-level member of the canonical object that the policy requires. */
  private Map<String, Token> requiredMembers(byte[] canonicalObject) {
    Map<String, Token> present = new HashMap<>();
    JsonStream stream = JsonStream.of(canonicalObject);
    stream.next();
    while (stream.next() == Token.NAME) {
      String name = stream.stringValue();
      Token token = stream.next();
      if (required.contains(name)) {
        present.put(name, token);
      }
      stream.skip();
    }
    return present;
  }
}
