package io.runpack.adapters.filesystem;

import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.json.JsonFields;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunState;
import io.runpack.json.JsonObject;
import io.runpack.json.JsonValue;

/**
 * A run given as Decision Gate's CLI takes it: the scenario spec and the run state as two JSON
 * texts. The state is read exactly as the filesystem run store reads the state inside a run bundle
 * ({@link RunBundleText}: strict, its logs held as canonical bytes), so the same run gives the same
 * runpack either way; the spec is decoded whole (strictly, duplicate keys refused), because its
 * rules are checked before export.
 *
 * <p>Every defect is {@link ErrorCode#INVALID_RUN_DATA} (or a limit), its message starting with the
 * file it came from ({@code spec file} or {@code state file}).
 */
public final class SpecAndStateFiles {

  private SpecAndStateFiles() {}

  public static LoadedRun read(byte[] spec, byte[] state, JacksonJsonCodec codec) {
    JsonValue specValue;
    try {
      specValue = codec.decode(spec);
    } catch (RunpackException e) {
      throw e.asRunData("spec file");
    }
    JsonObject stateValue = RunBundleText.state(state, codec, "state file");
    JsonFields.of(specValue, "spec", ErrorCode.INVALID_RUN_DATA);
    return new LoadedRun(specValue, RunState.fromJson(stateValue, "state"));
  }
}
