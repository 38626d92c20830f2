package io.runpack.domain.service;

import io.runpack.domain.model.AnchorPolicy;
import io.runpack.domain.model.SecurityContext;
import java.util.Objects;
import java.util.Optional;

/**
 * What the deployment, not the request, decides about every export: the security context and the
 * anchor policy recorded in the manifest (FORMAT §2.4). Both are optional.
 */
public record ExportSettings(
    Optional<SecurityContext> security, Optional<AnchorPolicy> anchorPolicy) {

  public static final ExportSettings NONE = new ExportSettings(Optional.empty(), Optional.empty());

  public ExportSettings {
    Objects.requireNonNull(security, "security");
    Objects.requireNonNull(anchorPolicy, "anchorPolicy");
    anchorPolicy = anchorPolicy.filter(AnchorPolicy::hasProviders);
  }
}
