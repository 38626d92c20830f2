package io.runpack.adapters.dynamodb;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads ranges of a partition on a few threads of its own and hands each range's stretch over in
 * range order, as if one thread had read them all one after the other.
 *
 * <p>Guarantees: at most {@code threads} requests in flight; the threads are daemons named {@code
 * runpack-dynamodb-load-<n>-<i>}, started by {@link #run} and ended before it returns, whatever
 * happens. The failure reported is the one a sequential read would have met first: when a range
 * fails, the ranges before it still finish, the ranges after it start no new page; a request
 * already in flight is never interrupted, only waited for.
 */
final class ConcurrentRangeLoad {

  private static final AtomicInteger LOADS = new AtomicInteger();

  /** One range to read: its first request, the key its items stay below, and its stretch. */
  record Range(QueryRequest query, Optional<String> endExclusive, PartitionStretch stretch) {}

  private final Function<QueryRequest, QueryResponse> query;
  private final List<Range> ranges;
  private final List<CompletableFuture<PartitionStretch>> done = new ArrayList<>();
  private final AtomicInteger nextRange = new AtomicInteger();
  private final AtomicInteger firstFailed = new AtomicInteger(Integer.MAX_VALUE);

  ConcurrentRangeLoad(Function<QueryRequest, QueryResponse> query, List<Range> ranges) {
    this.query = query;
    this.ranges = List.copyOf(ranges);
    for (int i = 0; i < ranges.size(); i++) {
      done.add(new CompletableFuture<>());
    }
  }

  /**
   * Reads every range on {@code threads} threads; {@code inOrder} gets each range's stretch once it
   * and every range before it are read. Throws the first failure in range order.
   */
  void run(int threads, Consumer<PartitionStretch> inOrder) {
    String name = "runpack-dynamodb-load-" + LOADS.incrementAndGet() + "-";
    List<Thread> workers = new ArrayList<>();
    try {
      for (int i = 0; i < Math.min(threads, ranges.size()); i++) {
        Thread worker = new Thread(this::work, name + i);
        worker.setDaemon(true);
        workers.add(worker);
        worker.start();
      }
      for (int i = 0; i < ranges.size(); i++) {
        inOrder.accept(awaitRange(i));
      }
    } catch (RuntimeException | Error e) {
      firstFailed.set(-1); // stop every range: no new page anywhere
      throw e;
    } finally {
      joinAll(workers);
    }
  }

  private void work() {
    for (int i = nextRange.getAndIncrement();
        i < ranges.size() && i < firstFailed.get();
        i = nextRange.getAndIncrement()) {
      Range range = ranges.get(i);
      try {
        QueryRequest request = range.query();
        while (request != null && i < firstFailed.get()) {
          QueryResponse page = query.apply(request);
          range.stretch().add(page.items(), range.endExclusive());
          request =
              page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                  ? request.toBuilder().exclusiveStartKey(page.lastEvaluatedKey()).build()
                  : null;
        }
        if (request == null) {
          done.get(i).complete(range.stretch());
        } else {
          done.get(i).cancel(false); // stopped by an earlier range's failure
        }
      } catch (Throwable failure) {
        firstFailed.accumulateAndGet(i, Math::min);
        done.get(i).completeExceptionally(failure);
      }
    }
  }

  /** Range {@code i}'s stretch once it is read, or its failure as it was thrown. */
  private PartitionStretch awaitRange(int i) {
    try {
      return done.get(i).join();
    } catch (java.util.concurrent.CompletionException e) {
      Throwable failure = e.getCause();
      if (failure instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw (Error) failure;
    }
  }

  private static void joinAll(List<Thread> workers) {
    boolean interrupted = false;
    for (Thread worker : workers) {
      while (true) {
        try {
          worker.join();
          break;
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
