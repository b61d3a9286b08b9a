package org.relaydesk.testsupport;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.common.GroupState;
import org.awaitility.Awaitility;

/**
 * Waits on the real broker until a service's consumer group owns every partition of a topic.
 * A service under test whose group starts at the topic's end ({@code auto.offset.reset=latest})
 * does not see what a test publishes before that moment.
 */
public final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Blocks until {@code groupId} is stable and its members hold all partitions of {@code topic}. */
    public static void awaitAssigned(String groupId, String topic, Duration timeout) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStack.KAFKA_BOOTSTRAP);
        try (Admin admin = Admin.create(props)) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get()
                    .get(topic).partitions().size();
            Awaitility.await("consumer group " + groupId + " assigned all " + partitions + " partitions of " + topic)
                    .atMost(timeout).pollInterval(Duration.ofMillis(200))
                    .until(() -> assigned(admin, groupId, topic) == partitions);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("cannot describe topic " + topic, e);
        }
    }

    private static long assigned(Admin admin, String groupId, String topic) throws Exception {
        Map<String, ConsumerGroupDescription> groups = admin.describeConsumerGroups(List.of(groupId)).all().get();
        ConsumerGroupDescription group = groups.get(groupId);
        if (group == null || group.groupState() != GroupState.STABLE) {
            return -1;
        }
        return group.members().stream()
                .map(MemberDescription::assignment)
                .flatMap(a -> a.topicPartitions().stream())
                .filter(tp -> tp.topic().equals(topic))
                .count();
    }
}
