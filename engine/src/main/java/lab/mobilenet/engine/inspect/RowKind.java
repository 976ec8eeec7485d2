package lab.mobilenet.engine.inspect;

import java.util.Locale;

/** What an inspection row stands for: one operation, one block ({@code blocks.3.2}) or one stage ({@code blocks.3}). */
public enum RowKind {
    LAYER, BLOCK, STAGE;

    /** The lower-case word used in tables and JSON. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }
}
