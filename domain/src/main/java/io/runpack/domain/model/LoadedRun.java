package io.runpack.domain.model;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.json.JsonFields;
import io.runpack.json.JsonValue;
import java.util.Objects;
import java.util.Set;

/**
 * A run as a store returns it: the scenario spec (an opaque JSON object, hashed as is) and the run
 * state. Its JSON form is the run bundle {@code {"spec":…,"state":…}} that the filesystem store
 * reads and the importer writes.
 */
public record LoadedRun(JsonValue spec, RunState state) {

  public LoadedRun {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(state, "state");
  }

  /** The spec's own {@code scenario_id}. */
  public String specScenarioId() {
    return JsonFields.of(spec, "spec", ErrorCode.INVALID_RUN_DATA).string("scenario_id");
  }

  /**
   * Reads a run bundle; defects are {@link ErrorCode#INVALID_RUN_DATA} errors naming the member.
   */
  public static LoadedRun fromBundle(JsonValue bundle) {
    JsonFields fields =
        JsonFields.of(bundle, "bundle", ErrorCode.INVALID_RUN_DATA)
            .onlyKeys(Set.of("spec", "state"));
    JsonValue spec = fields.value("spec");
    JsonFields.of(spec, "bundle.spec", ErrorCode.INVALID_RUN_DATA);
    return new LoadedRun(spec, RunState.fromJson(fields.value("state"), "bundle.state"));
  }
}
