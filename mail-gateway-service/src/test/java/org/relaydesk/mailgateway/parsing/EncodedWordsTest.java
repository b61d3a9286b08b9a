package org.relaydesk.mailgateway.parsing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** RFC 2047 subject edge cases. */
class EncodedWordsTest {

    private final List<String> warnings = new ArrayList<>();

    private String decode(String s) {
        return EncodedWords.decode(s, warnings);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            # RFC 2047 §8 examples
            `=?ISO-8859-1?Q?a?=`                                 | a
            `=?ISO-8859-1?Q?a?= b`                               | a b
            `=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=`              | ab
            `=?ISO-8859-1?Q?a?=  =?ISO-8859-1?Q?b?=`             | ab
            `=?ISO-8859-1?Q?a?=\\r\\n  =?ISO-8859-1?Q?b?=`       | ab
            `=?ISO-8859-1?Q?a_b?=`                               | a b
            `=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=`             | a b
            # text between words is kept
            `Re: =?utf-8?Q?caf=C3=A9?= and =?utf-8?B?Y2Fmw6k=?=` | Re: café and café
            # lower-case encoding letter, charset case
            `=?UTF-8?b?w6TDtsO8?=`                               | äöü
            `=?utf-8?q?=C3=A4?=`                                 | ä
            # language suffix (RFC 2231 §5)
            `=?US-ASCII*EN?Q?Keith_Moore?=`                      | Keith Moore
            # glued to text: decoded anyway, like mail clients do
            `foo=?utf-8?Q?bar?=baz`                              | foobarbaz
            # mixed charsets in adjacent words: whitespace dropped, each decoded with its own charset
            `=?Windows-1252?Q?Hans_B=C4KO?= =?iso-8859-15?q?Sch=F6nland?=` | Hans BÄKOSchönland
            # Base64 without padding
            `=?utf-8?B?w6TDtsO8?=`                               | äöü
            `=?utf-8?B?w6TDtsO8w6Q?=`                            | äöüä
            # malformed escape stays literal
            `=?utf-8?Q?100=ZZ?=`                                 | 100=ZZ
            # not an encoded word at all
            `=?utf-8?Q?unterminated`                             | =?utf-8?Q?unterminated
            `plain subject`                                      | plain subject
            """)
    void decodes(String encoded, String expected) {
        assertEquals(expected, decode(encoded.replace("\\r\\n", "\r\n")));
    }

    @Test
    void keepsLeadingAndTrailingSpaceOfTheSubject() {
        assertEquals(" NOT REGEX ÜÄÖ", decode("=?iso-8859-1?Q?_NOT_REGEX_=DC=C4=D6?="));
        assertEquals("Greek Test ", decode("Greek Test "));
    }

    @Test
    void joinsAMultiByteCharacterSplitAcrossTwoWords() {
        // the Cyrillic "о" (D0 BE) is split between the words, as in PostMaster-Test21
        assertEquals("Новоп", decode("=?utf-8?Q?=D0=9D=D0=BE=D0=B2=D0?=\r\n =?utf-8?Q?=BE=D0=BF?="));
        assertTrue(warnings.isEmpty(), warnings.toString());
    }

    @Test
    void unknownCharsetFallsBackWithAWarning() {
        assertEquals("café", decode("=?x-no-such-charset?Q?caf=C3=A9?="));
        assertEquals("café", decode("=?x-no-such-charset?Q?caf=E9?="));
        assertEquals(2, warnings.size(), warnings.toString());
    }

    @Test
    void invalidUtf8FallsBackToWindows1252() {
        assertEquals("café", decode("=?utf-8?Q?caf=E9?="));
        assertFalse(warnings.isEmpty());
    }

    @Test
    void charsetLabelsAreWidenedToWhatSendersUse() {
        // 0x80 is the euro sign in windows-1252, a control character in ISO-8859-1
        assertEquals("5 €", decode("=?iso-8859-1?Q?5_=80?="));
        // ks_c_5601-1987 is windows-949
        assertEquals("한", decode("=?ks_c_5601-1987?B?x9E=?="));
    }

    @Test
    void rawEightBitHeadersAreUtf8WhenValidElseWindows1252() {
        String utf8 = new String("Jürgen".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        String latin = new String("Jürgen ©".getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1);
        assertEquals("Jürgen", EncodedWords.fromRawHeader(utf8));
        assertEquals("Jürgen ©", EncodedWords.fromRawHeader(latin));
        assertEquals("plain", EncodedWords.fromRawHeader("plain"));
    }

    @Test
    void unfolds() {
        assertEquals("a b\tc", EncodedWords.unfold("a\r\n b\n\tc"));
    }
}
