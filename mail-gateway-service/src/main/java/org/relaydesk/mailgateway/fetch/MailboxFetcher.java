package org.relaydesk.mailgateway.fetch;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.mail.MessagingException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.MailAccount;
import org.relaydesk.mailgateway.MailProtocol;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.repository.MailAccountRepository;
import org.relaydesk.mailgateway.service.MailTls;
import org.relaydesk.mailgateway.service.PasswordCipher;

/**
 * Runs one fetcher thread per enabled mail account: connect, fetch a pass ({@link FetchCycle}),
 * then wait for new mail with IMAP IDLE (woken at least every poll interval, so mails whose retry
 * went through later also leave the mailbox) or by polling; POP3 reconnects every poll interval.
 * A connection failure is logged on the account and retried with a growing delay. Accounts are
 * restarted when an admin changes them.
 */
@ApplicationScoped
public class MailboxFetcher {

    private static final Logger LOG = Logger.getLogger(MailboxFetcher.class);

    @Inject
    MailAccountRepository accounts;
    @Inject
    FetchCycle cycle;
    @Inject
    PasswordCipher cipher;
    @Inject
    MailGatewayConfig config;
    @Inject
    MailTls tls;

    private final Map<UUID, Worker> workers = new ConcurrentHashMap<>();
    private volatile boolean running;

    void start(@Observes StartupEvent event) {
        if (!config.inbound().fetchEnabled()) {
            LOG.info("mailbox fetching is switched off (relaydesk.mail.inbound.fetch-enabled=false)");
            return;
        }
        running = true;
        List<MailAccount> enabled = QuarkusTransaction.requiringNew().call(() -> accounts.enabled());
        enabled.forEach(a -> restart(a.id));
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        workers.values().forEach(Worker::stop);
        workers.clear();
    }

    /** (Re)starts the fetcher of an account after it was created or changed; stops it when disabled or gone. */
    public void restart(UUID accountId) {
        Worker old = workers.remove(accountId);
        if (old != null) {
            old.stop();
        }
        if (!running) {
            return;
        }
        MailAccount a = QuarkusTransaction.requiringNew().call(() -> accounts.findById(accountId));
        if (a == null || !a.enabled) {
            return;
        }
        Worker w = new Worker(accountId, a.name);
        workers.put(accountId, w);
        w.start();
    }

    /** Wakes the fetcher of an account (e.g. after a retried mail went through). */
    public void wake(UUID accountId) {
        Worker w = workers.get(accountId);
        if (w != null) {
            w.wake();
        }
    }

    public void wakeAll() {
        workers.values().forEach(Worker::wake);
    }

    /** Passes over the account's mailbox on a connection of its own, now, until none is left; for admins, tests and benchmarks. */
    @ActivateRequestContext
    public FetchCycle.Report fetchNow(UUID accountId) throws MessagingException, IOException {
        MailAccount a = QuarkusTransaction.requiringNew().call(() -> accounts.findById(accountId));
        if (a == null) {
            throw new IllegalArgumentException("no mail account " + accountId);
        }
        try (MailboxConnection box = open(a)) {
            FetchCycle.Report r = cycle.run(a, box);
            while (r.more()) {
                r = r.then(cycle.run(a, box));
            }
            recordFetch(a.id, null);
            return r;
        } catch (MessagingException | IOException | RuntimeException e) {
            String why = failure(a, e);
            LOG.warnf("account %s: fetch failed: %s", a.name, why);
            recordFetch(a.id, why);
            throw e;
        }
    }

    MailboxConnection open(MailAccount a) throws MessagingException {
        String password = cipher.decrypt(a.passwordEncrypted);
        Duration timeout = config.inbound().mailboxTimeout();
        return a.protocol == MailProtocol.IMAP ? new ImapConnection(a, password, timeout, tls)
                : new Pop3Connection(a, password, timeout, tls);
    }

    /** What went wrong, for the log and the account's last fetch error; TLS failures say so plainly. */
    private String failure(MailAccount a, Exception e) {
        return tls.explain(e, a.host, a.port).orElseGet(e::toString);
    }

    private void recordFetch(UUID accountId, String error) {
        try {
            QuarkusTransaction.requiringNew().run(() -> accounts.getEntityManager().createQuery(
                            "update MailAccount a set a.lastFetchAt = :now, a.lastFetchError = :error where a.id = :id")
                    .setParameter("now", Instant.now()).setParameter("error", error).setParameter("id", accountId)
                    .executeUpdate());
        } catch (RuntimeException e) {
            LOG.debugf("could not record the fetch of %s: %s", accountId, e.getMessage());
        }
    }

    /** The fetcher thread of one account. */
    private final class Worker {

        private final UUID accountId;
        private final String name;
        private final Thread thread;
        private volatile boolean active = true;
        private volatile MailboxConnection box;
        private boolean announced;

        Worker(UUID accountId, String name) {
            this.accountId = accountId;
            this.name = name;
            this.thread = new Thread(this::loop, "mail-fetch-" + name);
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void stop() {
            active = false;
            wake();
        }

        void wake() {
            MailboxConnection b = box;
            if (b != null) {
                b.wake();
            }
            LockSupport.unpark(thread);
        }

        void loop() {
            Duration delay = config.inbound().reconnectDelay();
            while (active && running) {
                MailAccount a = QuarkusTransaction.requiringNew().call(() -> accounts.findById(accountId));
                if (a == null || !a.enabled) {
                    return;
                }
                Duration poll = Duration.ofSeconds(a.pollIntervalSeconds);
                try (MailboxConnection b = open(a)) {
                    box = b;
                    if (!announced || b.persistent()) {
                        LOG.infof("account %s: connected, %s", name, b.describe());
                        announced = true;
                    }
                    boolean more;
                    do {
                        more = cycle.run(a, b).more();
                        recordFetch(accountId, null);
                        delay = config.inbound().reconnectDelay();
                        if (b.persistent() && active && !more) {
                            b.await(poll);
                        }
                    } while ((b.persistent() || more) && active && running);
                } catch (MessagingException | IOException | RuntimeException e) {
                    if (!active) {
                        return;
                    }
                    String why = failure(a, e);
                    LOG.warnf("account %s: fetch failed, retrying in %s: %s", name, delay, why);
                    announced = false;
                    recordFetch(accountId, why);
                    LockSupport.parkNanos(delay.toNanos());
                    Duration max = config.inbound().reconnectDelay().multipliedBy(10);
                    delay = delay.multipliedBy(2).compareTo(max) > 0 ? max : delay.multipliedBy(2);
                    continue;
                } finally {
                    box = null;
                }
                if (active && running) {
                    // POP3: the next session after the poll interval
                    LockSupport.parkNanos(poll.toNanos());
                }
            }
        }
    }
}
