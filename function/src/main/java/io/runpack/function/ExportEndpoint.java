package io.runpack.function;

import io.runpack.adapters.request.ExportRequestParser;
import io.runpack.domain.error.RunpackException;
import io.runpack.domain.port.in.ExportResult;
import io.runpack.domain.port.in.ExportRunpackCommand;
import io.runpack.domain.port.in.ExportRunpackUseCase;
import jakarta.inject.Singleton;

/**
 * What every caller of the function goes through: refuse an API caller without a tenant, validate
 * the request, check the tenant, export, and log one audit line either way.
 */
@Singleton
public class ExportEndpoint {

  private final ExportRequestParser parser;
  private final ExportRunpackUseCase exporter;

  public ExportEndpoint(ExportRequestParser parser, ExportRunpackUseCase exporter) {
    this.parser = parser;
    this.exporter = exporter;
  }

  ExportResult export(byte[] body, Caller caller, String requestId) {
    long start = System.nanoTime();
    ExportRunpackCommand command = null;
    try {
      caller.requireKnownTenant();
      command = parser.parse(body);
      caller.requireTenant(command.tenantId());
      ExportResult result = exporter.export(command);
      AuditLog.exported(requestId, caller, command, result, System.nanoTime() - start);
      return result;
    } catch (RunpackException failure) {
      AuditLog.failed(requestId, caller, command, failure, System.nanoTime() - start);
      throw failure;
    }
  }
}
