package lab.mobilenet.engine.io;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses the small subset of Python literal syntax that a {@code .npy} header uses:
 * a dict of quoted string keys whose values are strings, {@code True}/{@code False}, or tuples of
 * non-negative integers ({@code ()}, {@code (3,)}, {@code (2, 3)}). Strings become {@link String},
 * booleans {@link Boolean}, tuples {@code long[]}. Anything else (lists, escapes, negative numbers,
 * duplicate keys, text after the closing brace) is refused with an {@link NpyFormatException}.
 */
final class NpyHeaderParser {

    private final Path file;
    private final String text;
    private int pos;

    NpyHeaderParser(Path file, String text) {
        this.file = file;
        this.text = text;
    }

    Map<String, Object> parseDict() throws NpyFormatException {
        Map<String, Object> dict = new LinkedHashMap<>();
        skipSpace();
        expect('{');
        skipSpace();
        while (peek() != '}') {
            String key = parseString();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = parseValue();
            if (dict.put(key, value) != null) {
                throw fail("duplicate key '" + key + "'");
            }
            skipSpace();
            if (peek() == ',') {
                pos++;
                skipSpace();
            } else if (peek() != '}') {
                throw fail("expected ',' or '}'");
            }
        }
        pos++;
        skipSpace();
        if (pos != text.length()) {
            throw fail("unexpected text after the closing '}'");
        }
        return dict;
    }

    private Object parseValue() throws NpyFormatException {
        char c = peek();
        if (c == '\'' || c == '"') {
            return parseString();
        }
        if (c == '(') {
            return parseTuple();
        }
        if (text.startsWith("True", pos)) {
            pos += 4;
            return Boolean.TRUE;
        }
        if (text.startsWith("False", pos)) {
            pos += 5;
            return Boolean.FALSE;
        }
        throw fail("unsupported value");
    }

    /** A quoted string without escapes (numpy never writes any in the keys and simple dtypes we accept). */
    private String parseString() throws NpyFormatException {
        char quote = peek();
        if (quote != '\'' && quote != '"') {
            throw fail("expected a quoted string");
        }
        int start = ++pos;
        while (pos < text.length() && text.charAt(pos) != quote) {
            if (text.charAt(pos) == '\\' || text.charAt(pos) == '\n') {
                throw fail("escapes and line breaks in strings are not supported");
            }
            pos++;
        }
        if (pos >= text.length()) {
            throw fail("unterminated string");
        }
        return text.substring(start, pos++);
    }

    /** A Python tuple of integers; a one-element tuple needs its trailing comma, as in Python. */
    private long[] parseTuple() throws NpyFormatException {
        expect('(');
        skipSpace();
        List<Long> values = new ArrayList<>();
        boolean trailingComma = false;
        while (peek() != ')') {
            if (values.size() == Npy.MAX_DIMENSIONS) {
                throw fail("tuple has more than " + Npy.MAX_DIMENSIONS + " entries");
            }
            values.add(parseNonNegativeInt());
            skipSpace();
            trailingComma = false;
            if (peek() == ',') {
                pos++;
                trailingComma = true;
                skipSpace();
            } else if (peek() != ')') {
                throw fail("expected ',' or ')' in tuple");
            }
        }
        pos++;
        if (values.size() == 1 && !trailingComma) {
            throw fail("'(n)' is a number, not a tuple; a one-element shape is written '(n,)'");
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private long parseNonNegativeInt() throws NpyFormatException {
        int start = pos;
        long value = 0;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && text.charAt(pos) < 128) {
            int digit = text.charAt(pos) - '0';
            if (value > (Long.MAX_VALUE - digit) / 10) {
                throw fail("integer does not fit in 64 bits");
            }
            value = value * 10 + digit;
            pos++;
        }
        if (pos == start) {
            throw fail("expected a non-negative integer");
        }
        return value;
    }

    private void skipSpace() {
        while (pos < text.length() && (text.charAt(pos) == ' ' || text.charAt(pos) == '\t'
                || text.charAt(pos) == '\n' || text.charAt(pos) == '\r')) {
            pos++;
        }
    }

    private char peek() throws NpyFormatException {
        if (pos >= text.length()) {
            throw fail("header ends too early");
        }
        return text.charAt(pos);
    }

    private void expect(char c) throws NpyFormatException {
        if (peek() != c) {
            throw fail("expected '" + c + "'");
        }
        pos++;
    }

    private NpyFormatException fail(String problem) {
        String excerpt = text.length() <= 100 ? text.strip() : text.substring(0, 97) + "...";
        return new NpyFormatException(file, "header is not a valid numpy header dict: " + problem
                + " at character " + pos + " of \"" + excerpt + "\"");
    }
}
