package org.relaydesk.mailgateway;

/** Where mail of an account goes: all into one queue, or by recipient through the system addresses. */
public enum Dispatch {
    QUEUE,
    SYSTEM_ADDRESS
}
