package org.relaydesk.mailgateway.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.relaydesk.mailgateway.pipeline.TestMails.corpus;
import static org.relaydesk.mailgateway.pipeline.TestMails.mail;

import org.junit.jupiter.api.Test;

class BounceDetectorTest {

    private final BounceDetector detector = new BounceDetector();

    @Test
    void postfixBounceWithReturnedMessage() {
        Bounce bounce = detector.detect(corpus("PostMaster/PostMaster-Test10.box")).orElseThrow();
        assertEquals("1183717051.586927.929001308.97809.36@otrs.otrs.org", bounce.originalMessageId());
        assertEquals("asdfasdfasdfasd@example.com", bounce.failedRecipient());
        assertEquals("failed", bounce.action());
        assertEquals("5.0.0", bounce.status());
        assertTrue(bounce.diagnostic().startsWith("X-Postfix; host mx00"), bounce.diagnostic());
        assertTrue(bounce.diagnostic().contains("550 <asdfasdfasdfasd@example.com>: invalid address"), bounce.diagnostic());
        assertTrue(bounce.failed());
    }

    @Test
    void reportWithoutReturnedMessage() {
        Bounce bounce = detector.detect(corpus("PostMaster/Issue24.eml")).orElseThrow();
        assertNull(bounce.originalMessageId());
        assertEquals("md@example.com", bounce.failedRecipient());
    }

    @Test
    void deliveryStatusInsideMultipartMixed() {
        Bounce bounce = detector.detect(corpus("EmailParser/FilenameWithNewline.box")).orElseThrow();
        assertEquals("test4567@mydomain.somewhere", bounce.originalMessageId());
        assertEquals("abc123@mydomain.somewhere", bounce.failedRecipient());
        assertEquals("failed", bounce.action());
        assertTrue(bounce.diagnostic().contains("5.1.1"));
    }

    @Test
    void ordinaryMailsAreNotBounces() {
        assertTrue(detector.detect(corpus("EmailParser/PostMaster-Test1.box")).isEmpty());
        assertTrue(detector.detect(corpus("PostMaster/PostMaster-Test20.box")).isEmpty());
    }

    @Test
    void picksTheFailedRecipientAndReadsReturnedHeaders() {
        var mail = mail("""
                From: MAILER-DAEMON@mx.example.com
                Subject: Delivery Status Notification
                Content-Type: multipart/report; report-type=delivery-status; boundary=r
                """, """
                --r
                Content-Type: text/plain

                Some recipients failed.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; slow@example.org
                Action: delayed
                Status: 4.4.1

                Final-Recipient: rfc822;<Gone@Example.org>
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown
                --r
                Content-Type: text/rfc822-headers

                From: support@relaydesk.example
                Message-ID: <article-42@relaydesk.example>
                Subject: [Ticket#2013070410000731] Your printer
                --r--
                """);
        Bounce bounce = detector.detect(mail).orElseThrow();
        assertEquals("gone@example.org", bounce.failedRecipient());
        assertEquals("5.1.1", bounce.status());
        assertEquals("smtp; 550 5.1.1 user unknown", bounce.diagnostic());
        assertEquals("article-42@relaydesk.example", bounce.originalMessageId());
    }
}
