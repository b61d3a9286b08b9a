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

    /** Stores several mails in one transaction (a fetch pass); same result per mail as {@link #store}. */
    @Transactional
    public java.util.List<Stored> storeAll(java.util.List<byte[]> raws, UUID accountId, java.util.List<String> sourceRefs) {
        java.util.List<Stored> result = new java.util.ArrayList<>(raws.size());
        for (int i = 0; i < raws.size(); i++) {
            result.add(store(raws.get(i), accountId, sourceRefs.get(i)));
        }
        return result;
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
