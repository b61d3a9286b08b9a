package org.relaydesk.mailgateway.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.relaydesk.mailgateway.InboundStatus;
import org.relaydesk.mailgateway.MailAccount;
import org.relaydesk.mailgateway.config.MailGatewayConfig;
import org.relaydesk.mailgateway.repository.InboundMailRepository;

/**
 * The first thing that happens to every mail: its raw bytes are stored, deduplicated on the
 * Message-ID (or the SHA-256 of the bytes when it has none). Nothing else reads the mailbox's copy
 * after this; the mailbox may only let go of the mail once the stored row is final.
 */
@ApplicationScoped
public class InboundMailStore {

    /** The stored mail: its id, its current status, and whether this call stored it (false: a duplicate). */
    public record Stored(UUID id, InboundStatus status, boolean created) {
    }

    private static final Pattern MESSAGE_ID = Pattern.compile("(?im)^message-id:[ \\t]*(?:\\r?\\n[ \\t]+)*<?([^>\\s]+)>?");

    @Inject
    InboundMailRepository mails;
    @Inject
    MailGatewayConfig config;

    @Transactional
    public Stored store(byte[] raw, UUID accountId, String sourceRef) {
        String sha = sha256(raw);
        String messageId = messageIdOf(raw);
        String key = dedupeKey(messageId, sha);
        UUID id = UUID.randomUUID();
        if (mails.insertIfAbsent(id, key, messageId, sha, raw, accountId, sourceRef)) {
            return new Stored(id, InboundStatus.RECEIVED, true);
        }
        InboundMailRepository.State existing = mails.stateByDedupeKey(key)
                .orElseThrow(() -> new IllegalStateException("dedupe key conflict without a row: " + key));
        return new Stored(existing.id(), existing.status(), false);
    }

    /**
     * Stores the mails of a fetch pass in one transaction, each new one already claimed for its first
     * processing attempt (the caller processes it at once; after a crash the lease runs out and the
     * retry job takes it). Per mail: the stored row, and for a new one its claim.
     */
    @Transactional
    public java.util.List<StoredClaimed> storeAllClaimed(java.util.List<byte[]> raws, MailAccount account,
            java.util.List<String> sourceRefs) {
        java.time.Instant lease = java.time.Instant.now().plus(config.inbound().lease());
        java.util.List<StoredClaimed> result = new java.util.ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            byte[] raw = raws.get(i);
            String sha = sha256(raw);
            String messageId = messageIdOf(raw);
            String key = dedupeKey(messageId, sha);
            UUID id = UUID.randomUUID();
            if (mails.insertIfAbsent(id, key, messageId, sha, raw, account.id, sourceRefs.get(i), lease)) {
                result.add(new StoredClaimed(new Stored(id, InboundStatus.PROCESSING, true),
                        new InboundTransitions.Claimed(id, raw, messageId, sha, 1, account.id, account.dispatch,
                                account.queueId, account.trusted)));
            } else {
                InboundMailRepository.State existing = mails.stateByDedupeKey(key)
                        .orElseThrow(() -> new IllegalStateException("dedupe key conflict without a row: " + key));
                result.add(new StoredClaimed(new Stored(existing.id(), existing.status(), false), null));
            }
        }
        return result;
    }

    /** A stored mail and, when this call stored it, the claim to process it. */
    public record StoredClaimed(Stored stored, InboundTransitions.Claimed claim) {
    }

    /** The dedupe key: the Message-ID (lower case, no brackets), else {@code sha256:<hex>}. */
    public static String dedupeKey(String messageId, String sha256) {
        return messageId != null ? messageId.toLowerCase(Locale.ROOT) : "sha256:" + sha256;
    }

    /**
     * The Message-ID from the header section of the raw bytes, read without a MIME parse (so that
     * dedupe also works for mail the parser refuses); null when there is none.
     */
    public static String messageIdOf(byte[] raw) {
        int end = headerEnd(raw);
        String head = new String(raw, 0, end, StandardCharsets.ISO_8859_1);
        Matcher m = MESSAGE_ID.matcher(head);
        if (!m.find()) {
            return null;
        }
        String id = m.group(1).trim();
        if (id.startsWith("<")) {
            id = id.substring(1);
        }
        return id.isEmpty() || id.length() > 900 ? null : id;
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return i;
            }
        }
        return raw.length;
    }

    public static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
