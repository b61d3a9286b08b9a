package org.relaydesk.mailgateway.service;

import java.util.ArrayList;
import java.util.List;
import org.relaydesk.mailgateway.OutboundMail;

/** The envelope recipients of an outbound mail. */
final class OutboundRecipients {

    private OutboundRecipients() {
    }

    static String all(OutboundMail o) {
        List<String> parts = new ArrayList<>();
        for (String s : new String[] {o.to, o.cc, o.bcc}) {
            if (s != null && !s.isBlank()) {
                parts.add(s.strip());
            }
        }
        return String.join(", ", parts);
    }
}
