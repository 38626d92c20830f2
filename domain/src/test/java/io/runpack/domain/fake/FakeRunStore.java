package io.runpack.domain.fake;

import io.runpack.domain.error.ErrorCode;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.model.LoadedRun;
import io.runpack.domain.model.RunKey;
import io.runpack.domain.port.out.LoadRunPort;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@link LoadRunPort} port over a map, with the port's contract for a missing run ({@link
 * ErrorCode#RUN_NOT_FOUND}, naming the key). Records the keys it was asked for.
 */
public final class FakeRunStore implements LoadRunPort {

  private final Map<RunKey, LoadedRun> runs = new HashMap<>();
  private final List<RunKey> requested = new ArrayList<>();

  /** Stores {@code run} under its state's own key. */
  public FakeRunStore with(LoadedRun run) {
    return with(run.state().key(), run);
  }

  /** Stores {@code run} under {@code key}, which may differ from the state's own. */
  public FakeRunStore with(RunKey key, LoadedRun run) {
    runs.put(key, run);
    return this;
  }

  @Override
  public LoadedRun loadRun(RunKey key) {
    requested.add(key);
    LoadedRun run = runs.get(key);
    if (run == null) {
      throw new RunpackException(ErrorCode.RUN_NOT_FOUND, "no run for " + key);
    }
    return run;
  }

  public List<RunKey> requested() {
    return List.copyOf(requested);
  }
}
