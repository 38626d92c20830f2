package io.runpack.domain.port.in;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.model.RunpackPath;
import io.runpack.domain.model.Timestamp;
import io.runpack.json.JsonValue;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code runpack_export} request (docs/spec/runpack_export.tool.txt), checked on construction:
 * ids at least 1, scenario and run ids valid key segments, the manifest name a safe runpack path
 * (default {@code manifest.json}). Every defect is {@link ErrorCode#INVALID_REQUEST}.
 */
public record ExportRunpackCommand(
    long tenantId,
    long namespaceId,
    String scenarioId,
    String runId,
    Timestamp generatedAt,
    boolean includeVerification,
    RunpackPath manifestName,
    Optional<String> outputDir) {

  public static final String DEFAULT_MANIFEST_NAME = "manifest.json";

  private static final Set<String> MEMBERS =
      Set.of(
          "generated_at",
          "include_verification",
          "manifest_name",
          "namespace_id",
          "output_dir",
          "run_id",
          "scenario_id",
          "tenant_id");

  public ExportRunpackCommand {
    Objects.requireNonNull(generatedAt, "generatedAt");
    Objects.requireNonNull(manifestName, "manifestName");
    Objects.requireNonNull(outputDir, "outputDir");
    RunKey.requireSegment("scenario_id", scenarioId);
    new RunKey(tenantId, namespaceId, runId); // validates the ids and run_id
  }

  /** The same request writing to {@code dir} instead (the CLI's {@code --output-dir}). */
  public ExportRunpackCommand withOutputDir(String dir) {
    return new ExportRunpackCommand(
        tenantId,
        namespaceId,
        scenarioId,
        runId,
        generatedAt,
        includeVerification,
        manifestName,
        Optional.of(dir));
  }

  public RunKey runKey() {
    return new RunKey(tenantId, namespaceId, runId);
  }

  /**
   * Reads the tool's input JSON, as strictly as its schema: no unknown member, every required
   * member, exact types. Integers must be written as integers ({@code 1}, not {@code 1.0}).
   */
  public static ExportRunpackCommand fromJson(JsonValue request) {
    ErrorCode code = ErrorCode.INVALID_REQUEST;
    JsonFields fields = JsonFields.of(request, "request", code).onlyKeys(MEMBERS);
    String manifestName = fields.optionalString("manifest_name");
    return new ExportRunpackCommand(
        fields.positiveId("tenant_id"),
        fields.positiveId("namespace_id"),
        fields.string("scenario_id"),
        fields.string("run_id"),
        Timestamp.fromJson(fields.value("generated_at"), "request.generated_at", code),
        fields.bool("include_verification"),
        RunpackPath.of(manifestName == null ? DEFAULT_MANIFEST_NAME : manifestName),
        Optional.ofNullable(fields.optionalString("output_dir")));
  }
}
