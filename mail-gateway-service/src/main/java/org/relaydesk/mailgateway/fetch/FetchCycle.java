package org.relaydesk.mailgateway.fetch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.InboundStatus;
import org.relaydesk.mailgateway.MailAccount;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.repository.InboundMailRepository;
import org.relaydesk.mailgateway.service.InboundMailStore;
import org.relaydesk.mailgateway.service.InboundProcessor;
import org.relaydesk.mailgateway.service.InboundTransitions;

/**
 * One pass over a mailbox, in the order that loses nothing: store every new mail raw (committed),
 * process the new ones (in parallel, up to {@code relaydesk.mail.inbound.workers}), then release
 * from the mailbox exactly the mails whose stored row is final. A pass takes at most
 * {@code relaydesk.mail.inbound.max-per-pass} new mails; {@link Report#more()} says more are waiting. A mail whose processing failed
 * for now stays in the mailbox untouched; the retry worker processes it later and a later pass
 * releases it. Mails a cut-off release left flagged {@code \Deleted} are expunged by the next pass.
 */
@ApplicationScoped
public class FetchCycle {

    private static final Logger LOG = Logger.getLogger(FetchCycle.class);
    /** Mails whose bytes are loaded in one round trip (bounds the memory of a pass). */
    private static final int PREFETCH = 100;
    /** Source refs looked up per query. */
    private static final int LOOKUP = 1000;

    /** What a pass did. */
    public record Report(int listed, int stored, int duplicates, int processed, int released, int waiting,
            long storeMillis, long processMillis, long releaseMillis, boolean more) {

        /** This pass followed by the next one on the same mailbox. */
        public Report then(Report next) {
            return new Report(listed, stored + next.stored, duplicates + next.duplicates, processed + next.processed,
                    released + next.released, next.waiting, storeMillis + next.storeMillis,
                    processMillis + next.processMillis, releaseMillis + next.releaseMillis, next.more);
        }
    }

    @Inject
    InboundMailStore store;
    @Inject
    InboundProcessor processor;
    @Inject
    InboundMailRepository mails;
    @Inject
    MailGatewayConfig config;

    private ExecutorService workers;

    @PostConstruct
    void init() {
        AtomicInteger n = new AtomicInteger();
        workers = Executors.newFixedThreadPool(Math.max(1, config.inbound().workers()), r -> {
            Thread t = new Thread(r, "mail-inbound-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    void stop(@Observes ShutdownEvent event) {
        workers.shutdown();
    }

    public Report run(MailAccount account, MailboxConnection box) throws MessagingException, IOException {
        long t0 = System.nanoTime();
        List<RemoteMail> pending = box.pending();
        List<RemoteMail> release = new ArrayList<>();
        Map<RemoteMail, InboundTransitions.Claimed> fresh = new LinkedHashMap<>();
        int stored = 0;
        int duplicates = 0;
        int waiting = 0;
        List<RemoteMail> unknown = new ArrayList<>();
        Map<String, InboundStatus> known = new java.util.HashMap<>();
        for (int from = 0; from < pending.size(); from += LOOKUP) {
            List<String> refs = pending.subList(from, Math.min(pending.size(), from + LOOKUP)).stream()
                    .map(RemoteMail::sourceRef).toList();
            known.putAll(QuarkusTransaction.requiringNew().call(() -> mails.statesBySource(account.id, refs)));
        }
        for (RemoteMail remote : pending) {
            InboundStatus status = known.get(remote.sourceRef());
            if (remote.deleted()) {
                // ours and final: a release cut off before its expunge, finished now; else another client's
                if (status != null && status.isFinal()) {
                    release.add(remote);
                }
            } else if (status == null) {
                unknown.add(remote);
            } else if (status.isFinal()) {
                release.add(remote);
            } else {
                waiting++;
            }
        }
        boolean more = unknown.size() > config.inbound().maxPerPass();
        if (more) {
            unknown = new ArrayList<>(unknown.subList(0, config.inbound().maxPerPass()));
        }
        for (int from = 0; from < unknown.size(); from += PREFETCH) {
            List<RemoteMail> chunk = unknown.subList(from, Math.min(unknown.size(), from + PREFETCH));
            box.prefetch(chunk);
            List<byte[]> raws = new ArrayList<>(chunk.size());
            for (RemoteMail remote : chunk) {
                raws.add(box.raw(remote));
            }
            List<InboundMailStore.StoredClaimed> results = store.storeAllClaimed(raws, account,
                    chunk.stream().map(RemoteMail::sourceRef).toList());
            for (int i = 0; i < chunk.size(); i++) {
                InboundMailStore.StoredClaimed sc = results.get(i);
                if (sc.claim() != null) {
                    stored++;
                    fresh.put(chunk.get(i), sc.claim());
                } else {
                    duplicates++;
                    if (sc.stored().status().isFinal()) {
                        release.add(chunk.get(i));
                    } else {
                        waiting++;
                    }
                }
            }
        }
        long t1 = System.nanoTime();
        Map<RemoteMail, Future<InboundProcessor.Result>> running = new LinkedHashMap<>();
        fresh.forEach((remote, claim) -> running.put(remote, workers.submit(() -> processor.process(claim))));
        int processed = 0;
        for (Map.Entry<RemoteMail, Future<InboundProcessor.Result>> e : running.entrySet()) {
            InboundStatus status = outcome(e.getValue());
            if (status != null && status.isFinal()) {
                processed++;
                release.add(e.getKey());
            } else {
                waiting++;
            }
        }
        long t2 = System.nanoTime();
        box.release(release);
        long t3 = System.nanoTime();
        Report report = new Report(pending.size(), stored, duplicates, processed, release.size(), waiting,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000, more);
        if (report.stored() > 0 || report.released() > 0) {
            LOG.infof("account %s: %s", account.name, report);
        } else if (report.listed() > 0) {
            LOG.debugf("account %s: %s", account.name, report);
        }
        return report;
    }

    private static InboundStatus outcome(Future<InboundProcessor.Result> f) {
        try {
            return f.get().status();
        } catch (ExecutionException e) {
            LOG.errorf(e.getCause(), "processing a fetched mail failed; it stays in the mailbox and is retried");
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
