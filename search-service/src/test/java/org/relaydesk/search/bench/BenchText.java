package org.relaydesk.search.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Synthetic but realistic help-desk text for the search benchmark, deterministic for a seed: a ranked
 * vocabulary (English function words first, then help-desk words, then a long tail of made-up but
 * pronounceable words) drawn with a Zipf distribution, so that common words are in nearly every
 * document and tail words in a handful; sentences that help-desk mail repeats verbatim (so that
 * phrases have many hits); people's names, e-mail addresses, subjects and attachment names.
 */
final class BenchText {

    /** English function words, most frequent first (the head of the Zipf ranking). */
    static final String[] COMMON = ("the to and a of i is it you in that for we on this be with have not are"
            + " can my as was your at but please our if all from or will so me do an there they what when just"
            + " been has would about one us no get out up more need could also any some by which now should here"
            + " still then them know see after only new again same did other today like time thanks other back"
            + " since because before help issue working problem").split(" ");

    /** Help-desk words (the next ranks). */
    static final String[] DOMAIN = ("printer password account login email invoice order laptop server access"
            + " error update network vpn ticket customer screen office meeting report payment refund delivery"
            + " shipment contract license software install installation version backup database outlook calendar"
            + " phone mobile app browser chrome firefox windows linux mac keyboard mouse monitor cable wifi router"
            + " firewall certificate ssl domain dns mailbox quota storage disk drive folder file share permission"
            + " user group admin administrator reset locked unlock expired renewal subscription billing credit card"
            + " bank transfer receipt tax address shipping tracking package damaged missing replacement warranty"
            + " repair appointment schedule urgent asap deadline project manager team department colleague"
            + " attachment screenshot document spreadsheet excel word pdf scan toner paper jam tray driver firmware"
            + " upgrade downgrade crash freeze slow timeout connection disconnect sync synchronisation cloud portal"
            + " website page link form button field message notification alert warning outage maintenance"
            + " migration configuration settings profile signature template archive export import data record"
            + " invoice_number purchase quote discount price cost budget approval request change incident"
            + " escalation priority response resolution workaround patch release bug feature training manual").split(" ");

    static final String[] FIRST = ("anna ben carla daniel eva felix greta hannah ivan julia karl laura marco nina"
            + " oliver paula quentin rosa stefan tanja ulrich vera walter xenia yusuf zoe ahmed bianca chen dmitri"
            + " elif fatima georg hiroshi ingrid jonas katarina lars mei noah olga pedro ravi sofia tomas ursula"
            + " viktor wei yara").split(" ");
    static final String[] LAST = ("mueller schmidt schneider fischer weber meyer wagner becker schulz hoffmann"
            + " koch richter klein wolf neumann schwarz zimmermann braun krueger hartmann lange werner krause"
            + " lehmann koehler novak jansen dubois rossi garcia kowalski nielsen svensson smith jones brown"
            + " taylor wilson evans okafor tanaka kim nguyen silva costa ferreira petrov ivanova yilmaz").split(" ");
    static final String[] COMPANIES = ("acme globex initech umbrella hooli vandelay stark wayne tyrell cyberdyne"
            + " soylent wonka gringotts monarch dunder oceanic aperture blackmesa massive northwind contoso"
            + " fabrikam tailspin litware adventure").split(" ");

    /** Sentences that recur verbatim in help-desk mail: where phrase searches find many hits. */
    static final String[] SENTENCES = {
        "please reset my password", "i cannot log in to my account", "the printer on the third floor shows a paper jam",
        "thank you for your quick response", "could you please send me the invoice again", "my laptop does not start",
        "the vpn connection drops every few minutes", "we have not received the delivery yet", "please find the screenshot attached",
        "i get an error message when i open the file", "the order number is in the subject", "is there any update on this issue",
        "the problem still exists after the restart", "we need access to the shared folder", "the payment was made last week",
        "can you please check the status of my order", "outlook keeps asking for my password", "the website is very slow today",
        "i would like to cancel my subscription", "the package arrived damaged", "please call me back as soon as possible",
        "the issue has been resolved", "we are looking into it", "let me know if the problem comes back",
        "i have attached the log file", "the license has expired", "the meeting room screen does not work",
        "please add me to the distribution list", "my mailbox is full", "the certificate of the server has expired",
        "we will send a replacement", "the refund has been processed", "best regards", "kind regards", "thank you in advance",
        "sorry for the inconvenience", "as discussed on the phone", "see the message below", "i hope this helps",
        "it is not working", "the same error again", "this is urgent", "on behalf of the customer",
    };

    /** Phrases of function words only: frequent positions of very frequent terms, the slow case without shingles. */
    static final String[] COMMON_PHRASES = {"it is not", "in the", "of the", "to the", "on the", "is not", "as soon as possible",
        "for the", "i have", "we have", "there is", "this is", "it is", "can you", "do not", "has been", "at the", "and the",
        "if you", "we will", "you can", "is in the", "to be", "from the", "with the", "all the", "that is", "in advance"};

    private final String[] words;
    private final double[] cdf;
    /** Words by rank: [0, headRanks) function words, then help-desk words, then the tail. */
    final int headRanks;

    BenchText(long seed, int vocabulary, double exponent) {
        Set<String> ranked = new LinkedHashSet<>();
        ranked.addAll(Arrays.asList(COMMON));
        headRanks = ranked.size();
        ranked.addAll(Arrays.asList(DOMAIN));
        ranked.addAll(Arrays.asList(FIRST));
        ranked.addAll(Arrays.asList(LAST));
        Random r = new Random(seed ^ 0x5eedL);
        String[] onset = "b c d f g h k l m n p r s t v w z br dr fl gr kr pl pr st tr sch".split(" ");
        String[] vowel = "a e i o u ai ei au ou ie".split(" ");
        String[] coda = " n r l s t m nd rt st ck ng".split(" ", -1);
        while (ranked.size() < vocabulary) {
            StringBuilder w = new StringBuilder();
            int syllables = 2 + r.nextInt(3);
            for (int i = 0; i < syllables; i++) {
                w.append(onset[r.nextInt(onset.length)]).append(vowel[r.nextInt(vowel.length)]);
            }
            w.append(coda[r.nextInt(coda.length)]);
            ranked.add(w.toString());
        }
        words = ranked.toArray(String[]::new);
        cdf = new double[words.length];
        double sum = 0;
        for (int i = 0; i < words.length; i++) {
            sum += 1 / Math.pow(i + 1, exponent);
            cdf[i] = sum;
        }
        for (int i = 0; i < cdf.length; i++) {
            cdf[i] /= sum;
        }
    }

    int size() {
        return words.length;
    }

    String word(int rank) {
        return words[rank];
    }

    /** A Zipf-distributed rank. */
    int rank(Random r) {
        int i = Arrays.binarySearch(cdf, r.nextDouble());
        return Math.min(words.length - 1, i < 0 ? -i - 1 : i);
    }

    String word(Random r) {
        return words[rank(r)];
    }

    /** A body of a few sentences: recurring help-desk sentences among Zipf-drawn ones. */
    String body(Random r, String greetingName, String signatureName) {
        StringBuilder b = new StringBuilder(600);
        b.append(r.nextBoolean() ? "Hello " : "Dear ").append(cap(greetingName)).append(",\n\n");
        int sentences = 2 + r.nextInt(6);
        for (int s = 0; s < sentences; s++) {
            if (r.nextInt(3) == 0) {
                b.append(cap(SENTENCES[r.nextInt(SENTENCES.length)]));
            } else {
                int n = 6 + r.nextInt(14);
                for (int i = 0; i < n; i++) {
                    String w = word(r);
                    b.append(i == 0 ? cap(w) : w);
                    if (i < n - 1) {
                        b.append(' ');
                    }
                }
            }
            b.append(r.nextInt(8) == 0 ? "?" : ".").append(s % 3 == 2 ? "\n" : " ");
        }
        b.append("\n\n").append(SENTENCES[32 + r.nextInt(2)].equals("best regards") ? "Best regards" : "Kind regards")
                .append(",\n").append(cap(signatureName));
        return b.toString();
    }

    /** A subject: a help-desk word or two with a Zipf word, sometimes a recurring sentence. */
    String subject(Random r) {
        if (r.nextInt(4) == 0) {
            return cap(SENTENCES[r.nextInt(30)]);
        }
        String[] pre = {"", "", "", "Problem with ", "Question about ", "Urgent: ", "Request: ", "Issue: "};
        return pre[r.nextInt(pre.length)] + cap(DOMAIN[r.nextInt(DOMAIN.length)]) + " " + DOMAIN[r.nextInt(DOMAIN.length)]
                + " " + word(r) + (r.nextInt(5) == 0 ? " " + word(r) : "");
    }

    String attachment(Random r) {
        String[] kinds = {"screenshot-%d.png", "invoice_%d.pdf", "error-log-%d.txt", "scan%d.pdf", "photo_%d.jpg",
            "report-%d.xlsx", "contract_%d.docx"};
        return kinds[r.nextInt(kinds.length)].formatted(1 + r.nextInt(9999));
    }

    static String cap(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    /** Word queries: one or two words, from the head, the middle, the tail, names. */
    List<String[]> wordQueries(Random r, int n) {
        List<String[]> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (i % 6) {
                case 0 -> q.add(new String[] {"common word", word(20 + r.nextInt(180))});
                case 1 -> q.add(new String[] {"mid-frequency word", word(300 + r.nextInt(3000))});
                case 2 -> q.add(new String[] {"rare word", word(Math.min(size() - 1, 20000 + r.nextInt(Math.max(1, size() - 20000))))});
                case 3 -> q.add(new String[] {"name", FIRST[r.nextInt(FIRST.length)] + " " + LAST[r.nextInt(LAST.length)]});
                case 4 -> q.add(new String[] {"two common words", DOMAIN[r.nextInt(DOMAIN.length)] + " " + word(20 + r.nextInt(180))});
                default -> q.add(new String[] {"common + rare word", word(r.nextInt(headRanks)) + " "
                        + word(Math.min(size() - 1, 5000 + r.nextInt(Math.max(1, size() - 5000))))});
            }
        }
        return q;
    }

    /** Quoted phrases: recurring sentences' pieces, phrases of only common words, phrases from generated text. */
    List<String[]> phraseQueries(Random r, List<String> captured, int n) {
        List<String[]> q = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            switch (i % 4) {
                case 0 -> {
                    String[] s = SENTENCES[r.nextInt(SENTENCES.length)].split(" ");
                    int len = Math.min(s.length, 2 + r.nextInt(3));
                    int from = r.nextInt(s.length - len + 1);
                    q.add(new String[] {"help-desk phrase", String.join(" ", Arrays.copyOfRange(s, from, from + len))});
                }
                case 1 -> q.add(new String[] {"common-word phrase", COMMON_PHRASES[r.nextInt(COMMON_PHRASES.length)]});
                default -> q.add(new String[] {"phrase from the text", captured.get(r.nextInt(captured.size()))});
            }
        }
        return q;
    }

    /** A window of 2-4 words of a body, lower case, for phrase queries that are known to match. */
    static String window(Random r, String body) {
        String[] t = body.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_ ]", " ").trim().split("\\s+");
        if (t.length < 4) {
            return String.join(" ", t);
        }
        int len = 2 + r.nextInt(3);
        int from = r.nextInt(t.length - len + 1);
        return String.join(" ", Arrays.copyOfRange(t, from, from + len));
    }
}
