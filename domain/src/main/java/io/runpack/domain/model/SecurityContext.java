package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;
import java.util.Objects;
import java.util.Set;

/**
 * The deployment's security posture recorded in the manifest ({@code security}): whether it ran
 * dev-permissive and which namespace authority it trusted. Comes from configuration, never from the
 * request.
 */
public record SecurityContext(boolean devPermissive, String namespaceAuthority) {

  public SecurityContext {
    Objects.requireNonNull(namespaceAuthority, "namespaceAuthority");
  }

  public JsonObject toJson() {
    return JsonObject.builder()
        .put("dev_permissive", devPermissive)
        .put("namespace_authority", namespaceAuthority)
        .build();
  }

  public static SecurityContext fromJson(JsonValue json, String path, ErrorCode code) {
    JsonFields fields =
        JsonFields.of(json, path, code).onlyKeys(Set.of("dev_permissive", "namespace_authority"));
    return new SecurityContext(fields.bool("dev_permissive"), fields.string("namespace_authority"));
  }
}
