package io.runpack.domain.export;

import io.runpack.domain.fake.FakeJsonDecoder;
import io.runpack.domain.fake.FakeRunStore;
import io.runpack.domain.fake.FakeStorage;
import io.runpack.domain.fake.SmallRun;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.service.ExportRunpackService;
import io.runpack.domain.service.ExportSettings;

/** Runs the export use case on a run held by a {@link FakeRunStore}, into a {@link FakeStorage}. */
final class Exports {

  private Exports() {}

  static ExportResult export(
      SmallRun run, FakeStorage storage, ExportSettings settings, ExportRunpackCommand command) {
    return service(new FakeRunStore().with(run.loaded()), storage, settings).export(command);
  }

  static ExportResult export(SmallRun run, FakeStorage storage, boolean includeVerification) {
    return export(run, storage, ExportSettings.NONE, SmallRun.request(includeVerification));
  }

  static ExportRunpackService service(
      FakeRunStore store, FakeStorage storage, ExportSettings settings) {
    return new ExportRunpackService(store, storage, new FakeJsonDecoder(), settings);
  }
}
