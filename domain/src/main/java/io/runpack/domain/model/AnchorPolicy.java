package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonArray;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The evidence-anchor policy recorded in a manifest ({@code anchor_policy}) and enforced by the
 * verifier (FORMAT §3.5): for each listed provider, the evidence it returned must carry an anchor
 * of the given type whose value is a canonical JSON object with the required fields.
 *
 * <p>Wire form: {@code {"providers":[{"anchor_type":…,"provider_id":…,"required_fields":[…]}]}}. A
 * policy without providers is never written to a manifest.
 */
public record AnchorPolicy(List<Requirement> providers) {

  /** What one evidence provider's anchors must look like. */
  public record Requirement(String providerId, String anchorType, List<String> requiredFields) {
    public Requirement {
      requiredFields = List.copyOf(requiredFields);
    }
  }

  public AnchorPolicy {
    providers = List.copyOf(providers);
  }

  public boolean hasProviders() {
    return !providers.isEmpty();
  }

  public Optional<Requirement> requirementFor(String providerId) {
    return providers.stream().filter(p -> p.providerId().equals(providerId)).findFirst();
  }

  public JsonObject toJson() {
    List<JsonValue> entries = new ArrayList<>();
    for (Requirement requirement : providers) {
      List<JsonValue> fields = new ArrayList<>();
      requirement.requiredFields().forEach(f -> fields.add(new JsonString(f)));
      entries.add(
          JsonObject.builder()
              .put("anchor_type", requirement.anchorType())
              .put("provider_id", requirement.providerId())
              .put("required_fields", new JsonArray(fields))
              .build());
    }
    return JsonObject.builder().put("providers", new JsonArray(entries)).build();
  }

  public static AnchorPolicy fromJson(JsonValue json, String path, ErrorCode code) {
    JsonFields fields = JsonFields.of(json, path, code).onlyKeys(Set.of("providers"));
    JsonArray entries = fields.array("providers");
    List<Requirement> providers = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      String at = path + ".providers[" + i + "]";
      JsonFields entry =
          JsonFields.of(entries.get(i), at, code)
              .onlyKeys(Set.of("anchor_type", "provider_id", "required_fields"));
      JsonArray required = entry.array("required_fields");
      List<String> names = new ArrayList<>();
      for (int f = 0; f < required.size(); f++) {
        if (!(required.get(f) instanceof JsonString name)) {
          throw entry.fail(at + ".required_fields[" + f + "] must be a string");
        }
        names.add(name.value());
      }
      providers.add(
          new Requirement(entry.string("provider_id"), entry.string("anchor_type"), names));
    }
    return new AnchorPolicy(providers);
  }
}
