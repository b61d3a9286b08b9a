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
import java.util.Optional;
import java.util.UUID;
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

/**
 * One pass over a mailbox, in the order that loses nothing: store every new mail raw (committed),
 * process the new ones (in parallel, up to {@code relaydesk.mail.inbound.workers}), then release
 * from the mailbox exactly the mails whose stored row is final. A mail whose processing failed
 * for now stays in the mailbox untouched; the retry worker processes it later and a later pass
 * releases it.
 */
@ApplicationScoped
public class FetchCycle {

    private static final Logger LOG = Logger.getLogger(FetchCycle.class);

    /** What a pass did. */
    public record Report(int listed, int stored, int duplicates, int processed, int released, int waiting) {
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
        List<RemoteMail> pending = box.pending();
        List<RemoteMail> release = new ArrayList<>();
        Map<RemoteMail, UUID> fresh = new LinkedHashMap<>();
        int stored = 0;
        int duplicates = 0;
        int waiting = 0;
        for (RemoteMail remote : pending) {
            Optional<InboundMailRepository.State> known = QuarkusTransaction.requiringNew()
                    .call(() -> mails.stateBySource(account.id, remote.sourceRef()));
            if (known.isPresent()) {
                if (known.get().status().isFinal()) {
                    release.add(remote);
                } else {
                    waiting++;
                }
                continue;
            }
            byte[] raw = box.raw(remote);
            InboundMailStore.Stored s = store.store(raw, account.id, remote.sourceRef());
            if (s.created()) {
                stored++;
                fresh.put(remote, s.id());
            } else {
                duplicates++;
                if (s.status().isFinal()) {
                    release.add(remote);
                } else {
                    waiting++;
                }
            }
        }
        Map<RemoteMail, Future<InboundProcessor.Result>> running = new LinkedHashMap<>();
        fresh.forEach((remote, id) -> running.put(remote, workers.submit(() -> processor.process(id))));
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
        box.release(release);
        Report report = new Report(pending.size(), stored, duplicates, processed, release.size(), waiting);
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
