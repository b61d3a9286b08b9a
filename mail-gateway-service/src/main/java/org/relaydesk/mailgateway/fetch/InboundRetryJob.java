package org.relaydesk.mailgateway.fetch;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import org.relaydesk.mailgateway.service.InboundProcessor;

/**
 * Retries stored mails whose processing is due again (ticket-service was down, or a worker died
 * holding them); when one went through, the fetchers are woken so the mail leaves its mailbox.
 */
@ApplicationScoped
public class InboundRetryJob {

    @Inject
    InboundProcessor processor;
    @Inject
    MailboxFetcher fetcher;

    @Scheduled(every = "${relaydesk.mail.inbound.retry-scan:2S}", delayed = "3S",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retryDue() {
        List<InboundProcessor.Result> results = processor.processDue();
        if (results.stream().anyMatch(r -> r.status() != null && r.status().isFinal())) {
            fetcher.wakeAll();
        }
    }
}
