package org.relaydesk.mailgateway.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Content-Type / Content-Disposition parameters, RFC 2231 file names in particular. */
class HeaderParametersTest {

    private final List<String> warnings = new ArrayList<>();

    private String filename(String header) {
        return HeaderParameters.parse(header, warnings).get("filename");
    }

    @Test
    void plainQuotedAndBareValues() {
        HeaderParameters p = HeaderParameters.parse("Text/Plain; Charset=\"UTF-8\"; format=flowed", warnings);
        assertEquals("text/plain", p.value());
        assertEquals("UTF-8", p.get("charset"));
        assertEquals("flowed", p.get("FORMAT"));
    }

    @Test
    void rfc2231ExtendedValueWithCharset() {
        assertEquals("utf-8-file-äöüß.txt",
                filename("attachment; filename*=utf-8''utf-8-file-%C3%A4%C3%B6%C3%BC%C3%9F.txt"));
        assertEquals("résumé.pdf", filename("attachment; filename*=iso-8859-1'fr'r%E9sum%E9.pdf"));
    }

    @Test
    void rfc2231ContinuationsAreJoinedInOrder() {
        assertEquals("a-very-long-name-äöü.txt", filename("attachment; filename*1*=%C3%A4%C3%B6%C3%BC.txt;"
                + " filename*0*=utf-8''a-very-long-name-"));
        // unencoded continuations
        assertEquals("part one part two.doc", filename("attachment; filename*0=\"part one \"; filename*1=\"part two.doc\""));
        // encoded first section, plain second section
        assertEquals("ä-plain.txt", filename("attachment; filename*0*=utf-8''%C3%A4; filename*1=-plain.txt"));
    }

    @Test
    void rfc2231BytesAreDecodedInTheirCharsetNotPerSection() {
        // a UTF-8 sequence split across two sections must survive
        assertEquals("ä.txt", filename("attachment; filename*0*=utf-8''%C3; filename*1*=%A4.txt"));
    }

    @Test
    void rfc2231ValueWinsOverPlainFallback() {
        assertEquals("äöü.txt", filename("attachment; filename=\"aou.txt\"; filename*=UTF-8''%C3%A4%C3%B6%C3%BC.txt"));
    }

    @Test
    void rfc2231Iso2022JpWithNecExtensions() {
        // PostMaster-Test12: ISO-2022-JP escape sequences, 0x2D21 is NEC's circled one
        assertEquals("報告書①..txt", filename("attachment; filename*=iso-2022-jp''%1B%24BJs9p%3Dq%2D%21%1B%28B%2E.txt"));
    }

    @Test
    void rfc2231UnknownCharsetFallsBack() {
        assertEquals("é.txt", filename("attachment; filename*=x-bogus''%C3%A9.txt"));
        assertEquals(1, warnings.size());
    }

    @Test
    void rfc2047EncodedWordsInsideQuotedFileNames() {
        assertEquals("Łatwa sprawa.txt", filename("attachment; filename=\"=?UTF-8?Q?=C5=81atwa_sprawa.txt?=\""));
        assertEquals("Documentacio\u0301n.pdf", filename("attachment; filename=\"=?UTF-8?Q?Documentacio=CC=81n=2Epdf?=\""));
    }

    @Test
    void separatorsInsideQuotesAndEscapes() {
        assertEquals("a; b \"c\".txt", filename("attachment; filename=\"a; b \\\"c\\\".txt\""));
    }

    @Test
    void brokenParametersNeverThrow() {
        HeaderParameters p = HeaderParameters.parse("text/html; =?ISO-8859-2?Q?charset=3D\"ISO-8859-2\"?=", warnings);
        assertEquals("text/html", p.value());
        assertEquals("ISO-8859-2", p.get("charset"));
        HeaderParameters q = HeaderParameters.parse("attachment; filename=\"unterminated.txt", warnings);
        assertEquals("unterminated.txt", q.get("filename"));
        HeaderParameters r = HeaderParameters.parse("attachment;; junk; =", warnings);
        assertEquals("attachment", r.value());
        assertNull(r.get("filename"));
        assertEquals("", HeaderParameters.parse(null, warnings).value());
    }
}
