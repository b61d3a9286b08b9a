package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.relaydesk.mailgateway.PostmasterFilterDefinition;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.pipeline.MailPipeline;
import org.relaydesk.mailgateway.pipeline.PipelineSettings;
import org.relaydesk.mailgateway.pipeline.PostmasterFilter;
import org.relaydesk.mailgateway.repository.SystemAddressRepository;

/**
 * The current {@link MailPipeline}: built from the settings, the enabled system addresses and the
 * enabled postmaster filters; rebuilt after an admin changed one of them. A stored filter that no
 * longer reads (bad JSON) is skipped with an error in the log rather than stopping all mail.
 */
@ApplicationScoped
public class PipelineProvider {

    private static final Logger LOG = Logger.getLogger(PipelineProvider.class);

    @Inject
    MailGatewayConfig config;
    @Inject
    SystemAddressRepository addresses;

    private volatile MailPipeline current;

    public MailPipeline pipeline() {
        MailPipeline p = current;
        if (p == null) {
            p = QuarkusTransaction.requiringNew().call(this::build);
            current = p;
        }
        return p;
    }

    /** Drops the cached pipeline; the next mail builds a new one. */
    public void invalidate() {
        current = null;
    }

    private MailPipeline build() {
        Set<String> own = addresses.enabled().stream().map(a -> a.address).collect(Collectors.toSet());
        List<PostmasterFilter> filters = new ArrayList<>();
        for (PostmasterFilterDefinition d : PostmasterFilterDefinition.<PostmasterFilterDefinition>list(
                "enabled = true order by position, name")) {
            try {
                filters.add(PostmasterFilters.toRule(d));
            } catch (IllegalArgumentException e) {
                LOG.errorf("postmaster filter %s skipped: %s", d.name, e.getMessage());
            }
        }
        return new MailPipeline(new PipelineSettings(own, config.maxAutoResponsesPerDay(), config.ticketHook(),
                config.followUpSearchBody()), filters);
    }
}
