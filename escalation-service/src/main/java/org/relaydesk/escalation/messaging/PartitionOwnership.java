package org.relaydesk.escalation.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.reactive.messaging.kafka.KafkaConsumerRebalanceListener;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

/**
 * The {@code ticket.events} partitions this instance consumes. Timers belong to the partition of
 * their ticket, so instances of the consumer group split the timers as they split the partitions.
 */
@ApplicationScoped
@jakarta.enterprise.inject.Default
@Identifier("escalation-ticket-events-rebalance")
public class PartitionOwnership implements KafkaConsumerRebalanceListener {

    private static final Logger LOG = Logger.getLogger(PartitionOwnership.class);

    private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

    /** How many partitions (and so which share of the timers) this instance owns, for operators and tests. */
    @Inject
    void registerGauge(MeterRegistry metrics) {
        Gauge.builder("relaydesk.escalation.partitions.owned", owned, Set::size)
                .description("ticket.events partitions (timer shares) this instance owns").register(metrics);
    }

    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        for (TopicPartition tp : partitions) {
            consumer.position(tp); // resolve the start offset now (matters for auto.offset.reset=latest)
            owned.add(tp.partition());
        }
        LOG.infof("ticket.events partitions assigned: %s (now owning %s)", partitions, owned);
    }

    @Override
    public void onPartitionsRevoked(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        partitions.forEach(tp -> owned.remove(tp.partition()));
    }

    @Override
    public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
        onPartitionsRevoked(consumer, partitions);
    }

    /** The partitions owned now, as an array for SQL. */
    public Integer[] owned() {
        return owned.toArray(Integer[]::new);
    }
}
