package io.runpack.domain.port.in;

/** Exports one run as a runpack (FORMAT §2). */
public interface ExportRunpackUseCase {

  ExportResult export(ExportRunpackCommand command);
}
