package io.runpack.function;

import io.quarkus.runtime.Startup;
import io.runpack.adapters.json.JacksonJsonCodec;
import io.runpack.adapters.request.ExportRequestParser;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.jboss.logging.Logger;

/**
 * SnapStart priming: before Lambda takes the snapshot of an initialized function (CRaC's {@code
 * beforeCheckpoint}), runs {@code runpack.priming.exports} complete {@link PrimingExport}s, so the
 * export path's classes are loaded, initialized and compiled in the snapshot rather than on the
 * first invocation after a restore. With {@code runpack.priming.at-startup} it runs them at startup
 * instead (a JVM without snapshots: measurements, see docs/BENCHMARKS.md §3).
 *
 * <p>Nothing in the snapshot goes stale: priming depends on no AWS client (none is injected here,
 * so none is created), reads no credentials, no clock and draws no random number. A failed priming
 * export fails the checkpoint, so a build that cannot export its own example run is not published.
 */
@Startup
@Singleton
public class SnapStartPriming implements Resource {

  private static final Logger LOG = Logger.getLogger(SnapStartPriming.class);

  private final RunpackConfig.Priming config;
  private final PrimingExport export;
  private int completed;

  public SnapStartPriming(
      RunpackConfig config, JacksonJsonCodec codec, ExportRequestParser parser) {
    this.config = config.priming();
    if (this.config.exports() < 1) {
      throw new IllegalStateException("runpack.priming.exports must be at least 1");
    }
    this.export = new PrimingExport(codec, parser, Wiring.settings(config, codec));
  }

  @PostConstruct
  void start() {
    if (!config.enabled()) {
      return;
    }
    if (config.atStartup()) {
      prime();
    } else {
      Core.getGlobalContext().register(this); // held strongly: this bean is a singleton
    }
  }

  @Override
  public void beforeCheckpoint(Context<? extends Resource> context) {
    prime();
  }

  @Override
  public void afterRestore(Context<? extends Resource> context) {
    // nothing was captured that a restore must renew
  }

  /** How many priming exports this instance has completed. */
  synchronized int completed() {
    return completed;
  }

  synchronized void prime() {
    long start = System.nanoTime();
    for (int i = 0; i < config.exports(); i++) {
      export.run();
      completed++;
    }
    LOG.infof(
        "primed the export path: %d exports in %d ms",
        config.exports(), (System.nanoTime() - start) / 1_000_000);
  }
}
