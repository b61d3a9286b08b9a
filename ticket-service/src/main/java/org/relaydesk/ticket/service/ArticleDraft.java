package org.relaydesk.ticket.service;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.relaydesk.ticket.ArticleKind;
import org.relaydesk.ticket.Channel;
import org.relaydesk.ticket.SenderType;

/** An article about to be written, assembled by the use case that adds it. */
public class ArticleDraft {

    /** A file to store with the article. */
    public record NewFile(String filename, String contentType, byte[] content) {
    }

    public ArticleKind kind;
    public SenderType senderType;
    public Channel channel;
    public boolean visibleForCustomer;
    public String from;
    public String to;
    public String cc;
    public String bcc;
    public String subject;
    public String bodyText;
    public String bodyHtml;
    public String messageId;
    public String inReplyTo;
    public String references;
    public boolean outbound;
    public BigDecimal timeUnits = BigDecimal.ZERO;
    public List<NewFile> files = new ArrayList<>();

    public ArticleDraft(ArticleKind kind, SenderType senderType, Channel channel, boolean visibleForCustomer) {
        this.kind = kind;
        this.senderType = senderType;
        this.channel = channel;
        this.visibleForCustomer = visibleForCustomer;
    }
}
