package io.runpack.function;

import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

/** Counts the requests the application's AWS clients start (installed by a test profile). */
public class CountingInterceptor implements ExecutionInterceptor {

  static final AtomicInteger REQUESTS = new AtomicInteger();

  @Override
  public void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes executionAttributes) {
    REQUESTS.incrementAndGet();
  }
}
