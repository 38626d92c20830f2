package io.runpack.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The cold-start baseline: a Lambda handler that does nothing, run by the same runtime interface
 * client with the same JVM flags as the function. Its cold start is what any JVM Lambda pays.
 */
public final class EmptyHandler {

  public void handleRequest(InputStream input, OutputStream output) throws IOException {
    input.readAllBytes();
    output.write("{}".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  }
}
