package org.relaydesk.mailgateway.pipeline;

import java.util.Objects;

/**
 * What a matching postmaster filter does. Text values may contain {@code [***]}, replaced by
 * the first capture group (or the match) of the filter's last regular-expression condition,
 * as in OTRS.
 */
public sealed interface FilterAction {

    /** Put the new ticket into this queue. */
    record SetQueue(String queue) implements FilterAction {
        public SetQueue {
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** Set the ticket priority, 1 (very low) to 5 (very high). */
    record SetPriority(int priority) implements FilterAction {
        public SetPriority {
            if (priority < 1 || priority > 5) {
                throw new IllegalArgumentException("priority must be 1..5, was " + priority);
            }
        }
    }

    /** Set the ticket state by its configured name (e.g. "closed successful"). */
    record SetState(String state) implements FilterAction {
        public SetState {
            Objects.requireNonNull(state, "state");
        }
    }

    /** Set a dynamic field of the ticket. */
    record SetDynamicField(String name, String value) implements FilterAction {
        public SetDynamicField {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    /** Mark the mail as junk (the ticket goes to the junk handling). */
    record MarkJunk() implements FilterAction {
    }

    /** Do not create or update a ticket; the raw mail stays in the store, marked ignored. */
    record Ignore() implements FilterAction {
    }
}
