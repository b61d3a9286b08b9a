package org.relaydesk.mailgateway;

/** Transport security of a mail connection: none, STARTTLS upgrade, or TLS from the first byte. */
public enum TlsMode {
    NONE,
    STARTTLS,
    TLS
}
