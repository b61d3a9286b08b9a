package org.relaydesk.mailgateway.parsing;

/**
 * One mailbox from an address header.
 *
 * @param address the addr-spec in lower case (e.g. {@code jane.doe@example.com}); may lack a
 *        domain when the sender wrote a bare local part
 * @param name the decoded display name, empty when the header had only an address (a
 *        trailing comment such as {@code (Mail Delivery System)} is not a display name)
 */
public record MailAddress(String address, String name) {

    public MailAddress {
        address = address == null ? "" : address;
        name = name == null ? "" : name;
    }
}
