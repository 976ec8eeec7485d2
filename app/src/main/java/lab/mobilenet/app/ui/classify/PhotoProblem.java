package lab.mobilenet.app.ui.classify;

import java.util.Locale;

/**
 * Why a file could not become a photo, sorted into the few kinds a user can act on so that the card can say it
 * in the UI's language. The engine's own English line is kept beside it (shown as the card's tooltip); a reason
 * that fits no kind is shown as the engine's line itself.
 */
public enum PhotoProblem {
    /** Not an image format the decoder knows (a text file renamed .jpg, a PDF…). */
    FORMAT,
    /** A zero-byte file. */
    EMPTY,
    /** More pixels than the limit: refused before decoding (a decompression bomb, a giant scan). */
    TOO_LARGE,
    /** The header or the data are damaged or cut short. */
    CORRUPT,
    /** The file is gone. */
    MISSING,
    /** The file exists but cannot be read (permissions, a folder). */
    UNREADABLE,
    /** Anything else: the engine's message is shown as it is. */
    OTHER;

    /** The i18n key of this kind's sentence, e.g. {@code classify.problem.too-large}. */
    public String key() {
        return "classify.problem." + name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Sorts a one-line message of the image loader (see {@code ImageLoader}) or of the file system. */
    public static PhotoProblem of(String message) {
        String m = message == null ? "" : message.toLowerCase(Locale.ROOT);
        if (m.contains("not a recognised image format") || m.contains("not an image")) {
            return FORMAT;
        }
        if (m.contains("the file is empty")) {
            return EMPTY;
        }
        if (m.contains("more than the limit") || m.contains("not enough memory to decode")) {
            return TOO_LARGE;
        }
        if (m.contains("corrupt") || m.contains("truncated") || m.contains("unreadable") || m.contains("impossible size")) {
            return CORRUPT;
        }
        if (m.contains("no such file")) {
            return MISSING;
        }
        if (m.contains("is a directory") || m.contains("access denied") || m.contains("cannot be read")
                || m.contains("cannot open")) {
            return UNREADABLE;
        }
        return OTHER;
    }
}
