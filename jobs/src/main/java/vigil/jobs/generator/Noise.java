package vigil.jobs.generator;

import vigil.schemas.streams.StreamId;

import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * What makes texts look typed or spoken rather than written: speech fillers and lower-case
 * transcripts on calls; typos, shorthand and emoticons in chats and posts.
 */
final class Noise {
    private static final String[] FILLERS = {"Um, ", "Uh, ", "So, ", "Yeah, ", "Well, ", "Okay, ", "Look, "};
    private static final String[] SAD = {" :(", " :-(", " >:(", " 🙄", " 😡", " 😤", " 👎", " :/"};
    private static final String[] HAPPY = {" :)", " :-)", " 🙂", " 👍", " 😊", " ❤️", " 🎉", " ;)"};
    private static final String[] PUZZLED = {" 🤔", " :)", " 🙂"};
    private static final Pattern PUNCTUATION = Pattern.compile("[.,!?]+(\\s|$)");
    private static final String KEYBOARD = "qwertyuiopasdfghjklzxcvbnm";

    private Noise() {}

    static String apply(String text, StreamId channel, int polarity, Random rnd) {
        switch (channel) {
            case CALLS: return spoken(text, rnd);
            case CHATS: return typed(text, polarity, 0.25, 0.15, rnd);
            default: return typed(text, polarity, 0.2, 0.3, rnd);
        }
    }

    private static String spoken(String text, Random rnd) {
        String out = text;
        if (rnd.nextDouble() < 0.3) {
            boolean keepCase = out.startsWith("I ") || out.startsWith("I'") || out.startsWith("Kes");
            out = Catalog.pick(FILLERS, rnd) + (keepCase ? out : Character.toLowerCase(out.charAt(0))
                    + out.substring(1));
        }
        if (rnd.nextDouble() < 0.04) {
            out = typo(out, rnd);
        }
        return transcript(out, rnd);
    }

    /** Speech-to-text engines often give lower case without punctuation. */
    static String transcript(String text, Random rnd) {
        return rnd.nextDouble() < 0.3 ? PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll("$1").trim() : text;
    }

    private static String typed(String text, int polarity, double typos, double emoticons, Random rnd) {
        String out = text;
        if (rnd.nextDouble() < typos) {
            out = typo(out, rnd);
            if (rnd.nextDouble() < 0.3) {
                out = typo(out, rnd);
            }
        }
        if (rnd.nextDouble() < 0.12) {
            out = out.replace("please", "pls").replace("Thanks", "Thx").replace(" you ", " u ");
        }
        if (polarity < 0 && rnd.nextDouble() < 0.12 && out.endsWith(".")) {
            out = out.substring(0, out.length() - 1) + (rnd.nextBoolean() ? "!!" : "!!!");
        }
        if (rnd.nextDouble() < emoticons) {
            out += Catalog.pick(polarity < 0 ? SAD : polarity > 0 ? HAPPY : PUZZLED, rnd);
        }
        if (rnd.nextDouble() < 0.25) {
            out = out.toLowerCase(Locale.ROOT);
        }
        return out;
    }

    /** One slip in a random plain word: swapped, dropped, doubled or neighbouring letter. */
    static String typo(String text, Random rnd) {
        int start = rnd.nextInt(text.length());
        for (int tries = 0; tries < text.length(); tries++) {
            int i = (start + tries) % text.length();
            int length = plainWordAt(text, i);
            if (length >= 4) {
                return misspell(text, i, length, rnd);
            }
        }
        return text;
    }

    /** Length of the lower-case word starting at i, or 0 if it is part of an address, URL or number. */
    private static int plainWordAt(String text, int i) {
        if (i > 0 && " \"'(".indexOf(text.charAt(i - 1)) < 0) {
            return 0;
        }
        int end = i;
        while (end < text.length() && text.charAt(end) >= 'a' && text.charAt(end) <= 'z') {
            end++;
        }
        if (end < text.length()) {
            char next = text.charAt(end);
            boolean sentenceEnd = ",!?;)'\"".indexOf(next) >= 0
                    || next == '.' && (end + 1 == text.length() || text.charAt(end + 1) == ' ');
            if (next != ' ' && !sentenceEnd) {
                return 0;
            }
        }
        return end - i;
    }

    private static String misspell(String text, int at, int length, Random rnd) {
        int p = at + 1 + rnd.nextInt(length - 2);
        char[] chars = text.toCharArray();
        switch (rnd.nextInt(4)) {
            case 0: char t = chars[p]; chars[p] = chars[p + 1]; chars[p + 1] = t; return new String(chars);
            case 1: return text.substring(0, p) + text.substring(p + 1);
            case 2: return text.substring(0, p) + chars[p] + text.substring(p);
            default:
                int k = KEYBOARD.indexOf(chars[p]);
                chars[p] = KEYBOARD.charAt(k < 0 ? 0 : (k + 1) % KEYBOARD.length());
                return new String(chars);
        }
    }
}
