package io.cordon.evidence;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The chain's pages for one verification, each fetched on a reader thread while the verifier hashes the one before:
 * reading a page and hashing it take about as long as each other, so the walk takes the longer of the two instead
 * of their sum. At most two pages are held. Inside a caller's transaction it reads in the caller's thread, so the
 * verification sees exactly what that transaction sees.
 */
final class PageReader implements AutoCloseable {

  private final EvidenceChain chain;
  private final long lastSeq;
  private final int size;
  private final ExecutorService reader;
  private long prefetchedAfter = -1;
  private CompletableFuture<List<EvidenceEvent>> prefetched;

  PageReader(EvidenceChain chain, long lastSeq, int size) {
    this.chain = chain;
    this.lastSeq = lastSeq;
    this.size = size;
    this.reader = TransactionSynchronizationManager.isActualTransactionActive() ? null
        : Executors.newSingleThreadExecutor(r -> {
          Thread t = new Thread(r, "evidence-chain-reader");
          t.setDaemon(true);
          return t;
        });
  }

  /** Events after {@code afterSeq} in chain order, at most one page; starts fetching the page after it. */
  List<EvidenceEvent> next(long afterSeq) {
    List<EvidenceEvent> page;
    if (prefetched != null && prefetchedAfter == afterSeq) {
      page = join(prefetched);
    } else {
      page = chain.page(afterSeq, size);
    }
    prefetched = null;
    if (reader != null && page.size() == size) {
      long after = page.get(page.size() - 1).seq();
      if (after < lastSeq) {
        prefetchedAfter = after;
        prefetched = CompletableFuture.supplyAsync(() -> chain.page(after, size), reader);
      }
    }
    return page;
  }

  @Override
  public void close() {
    if (reader != null) {
      reader.shutdown();
    }
  }

  private static List<EvidenceEvent> join(CompletableFuture<List<EvidenceEvent>> page) {
    try {
      return page.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw e;
    }
  }
}
