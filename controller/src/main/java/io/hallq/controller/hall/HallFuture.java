package io.hallq.controller.hall;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The futures {@link HallController} hands out. They complete on the controller's "hall-replies" thread, never on
 * the writer, so a caller's {@code thenAccept} cannot hold the writer up. Waiting for one of them on the writer or
 * the replies thread would wait for itself, so {@link #join} and {@link #get()} refuse there instead of hanging.
 */
final class HallFuture<T> extends CompletableFuture<T> {

    /** Set on the writer and replies threads: the threads that complete hall futures. */
    private static final ThreadLocal<Boolean> COMPLETING = ThreadLocal.withInitial(() -> false);

    static void markCompletingThread() {
        COMPLETING.set(true);
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new HallFuture<>();
    }

    @Override
    public T join() {
        refuseSelfWait();
        return super.join();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        refuseSelfWait();
        return super.get();
    }

    private void refuseSelfWait() {
        if (!isDone() && COMPLETING.get()) {
            throw new IllegalStateException("waiting for a hall future on " + Thread.currentThread().getName()
                    + " would wait for itself: hand the work over instead (thenAccept, or another thread)");
        }
    }
}
