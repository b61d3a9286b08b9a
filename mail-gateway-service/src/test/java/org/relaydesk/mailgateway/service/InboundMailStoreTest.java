package org.relaydesk.mailgateway.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class InboundMailStoreTest {

    @Test
    void readsTheMessageIdFromTheHeaderSectionOnly() {
        assertThat(InboundMailStore.messageIdOf(bytes("Subject: x\r\nMessage-ID: <abc@example.com>\r\n\r\nbody")))
                .isEqualTo("abc@example.com");
        assertThat(InboundMailStore.messageIdOf(bytes("Message-Id:\r\n <folded@example.com>\r\n\r\n")))
                .isEqualTo("folded@example.com");
        assertThat(InboundMailStore.messageIdOf(bytes("Subject: x\r\n\r\nMessage-ID: <in-body@example.com>\r\n")))
                .isNull();
        assertThat(InboundMailStore.messageIdOf(bytes("not a mail"))).isNull();
    }

    @Test
    void dedupesOnTheMessageIdCaseInsensitivelyElseOnTheContentHash() {
        assertThat(InboundMailStore.dedupeKey("AbC@Example.com", "ff")).isEqualTo("abc@example.com");
        String sha = InboundMailStore.sha256(bytes("x"));
        assertThat(InboundMailStore.dedupeKey(null, sha)).isEqualTo("sha256:" + sha).hasSize(71);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
