package io.runpack.domain.port.in;

import io.runpack.domain.model.Manifest;
import io.runpack.domain.model.VerificationReport;
import io.runpack.json.JsonNull;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonString;
import io.runpack.json.JsonValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code runpack_export} tool output: the manifest as written, the verification report when
 * verification was included, and the storage URI of managed storage. {@code runpackBytes} (every
 * file written, manifest included) is for logs and metrics, not part of the tool output.
 */
public record ExportResult(
    Manifest manifest,
    Optional<VerificationReport> report,
    Optional<String> storageUri,
    long runpackBytes) {

  public ExportResult {
    Objects.requireNonNull(manifest, "manifest");
    Objects.requireNonNull(report, "report");
    Objects.requireNonNull(storageUri, "storageUri");
  }

  /** {@code {"manifest":…,"report":…|null,"storage_uri":…|null}}. */
  public JsonObject toJson() {
    return JsonObject.builder()
        .put("manifest", manifest.toJson())
        .put("report", report.<JsonValue>map(VerificationReport::toJson).orElse(JsonNull.INSTANCE))
        .put("storage_uri", storageUri.<JsonValue>map(JsonString::new).orElse(JsonNull.INSTANCE))
        .build();
  }
}
