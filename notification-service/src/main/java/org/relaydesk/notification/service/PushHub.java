package org.relaydesk.notification.service;

import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The open SSE streams of this instance. Consumers hand over what they committed; each stream gets
 * its agent's notifications and every ticket hint. A new stream first buffers live events while it
 * replays what it missed (Last-Event-ID), then emits the buffer minus what the replay already had.
 */
@ApplicationScoped
public class PushHub {

    private final Set<Subscription> subscriptions = ConcurrentHashMap.newKeySet();

    /** A stream of one agent. */
    public static final class Subscription {
        private final String agent;
        private final MultiEmitter<? super PushEvent> emitter;
        private final List<PushEvent> buffer = new ArrayList<>();
        private boolean live;

        Subscription(String agent, MultiEmitter<? super PushEvent> emitter) {
            this.agent = agent;
            this.emitter = emitter;
        }

        synchronized void offer(PushEvent e) {
            if (!e.isFor(agent) || emitter.isCancelled()) {
                return;
            }
            if (live) {
                emitter.emit(e);
            } else {
                buffer.add(e);
            }
        }

        /** Emits the replay, then what arrived meanwhile (without duplicates), then goes live. */
        public synchronized void goLive(List<PushEvent> replay) {
            Set<Long> seen = new HashSet<>();
            for (PushEvent e : replay) {
                seen.add(e.id());
                emitter.emit(e);
            }
            buffer.sort(Comparator.comparingLong(PushEvent::id));
            for (PushEvent e : buffer) {
                if (seen.add(e.id())) {
                    emitter.emit(e);
                }
            }
            buffer.clear();
            live = true;
        }
    }

    public Subscription subscribe(String agent, MultiEmitter<? super PushEvent> emitter) {
        Subscription s = new Subscription(agent, emitter);
        subscriptions.add(s);
        emitter.onTermination(() -> subscriptions.remove(s));
        return s;
    }

    /** Pushes committed events to the matching open streams. */
    public void publish(List<PushEvent> events) {
        for (PushEvent e : events) {
            for (Subscription s : subscriptions) {
                s.offer(e);
            }
        }
    }

    /** How many streams are open on this instance. */
    public int openStreams() {
        return subscriptions.size();
    }
}
