package io.runpack.domain.service;

import io.runpack.domain.json.RunpackJson;
import io.runpack.domain.model.AnchorPolicy;
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
 * (FORMAT §3.5): the anchor's type, then its value, a string that must hold canonical JSON of an
 * object whose required fields are strings or numbers. The first problem is reported with Decision
 * Gate's words; the work is linear in the anchor's bytes.
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
            : value.text().getBytes(StandardCharsets.UTF_8);
    if (canonical == null || !isCanonical(canonical)) {
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

  /** True when {@code bytes} are JSON text whose canonical form is themselves. */
  private boolean isCanonical(byte[] bytes) {
    if (bytes.length == 0) {
      return false;
    }
    try {
      return Arrays.equals(canonicalizer.canonicalize(bytes, bytes.length), bytes);
    } catch (JsonException e) {
      return false;
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
