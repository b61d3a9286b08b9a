package org.relaydesk.mailgateway.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PasswordCipherTest {

    @Test
    void roundTripsWithAFreshNonceEachTime() {
        PasswordCipher cipher = new PasswordCipher("key-1");
        String a = cipher.encrypt("s3cret ü");
        String b = cipher.encrypt("s3cret ü");
        assertThat(a).startsWith("v1:").isNotEqualTo(b).doesNotContain("s3cret");
        assertThat(cipher.decrypt(a)).isEqualTo("s3cret ü");
    }

    @Test
    void refusesAnotherKey() {
        String sealed = new PasswordCipher("key-1").encrypt("pw");
        assertThatThrownBy(() -> new PasswordCipher("key-2").decrypt(sealed))
                .hasMessageContaining("account-key");
    }
}
