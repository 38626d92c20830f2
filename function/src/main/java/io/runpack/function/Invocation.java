package io.runpack.function;

/**
 * One invocation of the function, as the audit trail records it.
 *
 * @param requestId Lambda's request id (null outside Lambda)
 * @param startNanos {@link System#nanoTime()} when the handler received the event
 * @param caller who asked
 */
record Invocation(String requestId, long startNanos, Caller caller) {}
