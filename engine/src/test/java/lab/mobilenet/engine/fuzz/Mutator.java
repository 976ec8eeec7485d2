package lab.mobilenet.engine.fuzz;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Seeded mutations of a file's bytes, the kinds that break parsers: flipped bits, random bytes, boundary
 * values written over 16- and 32-bit fields (sizes, lengths, offsets), truncation, a duplicated or removed
 * stretch. Mutant {@code i} of a seed is always the same, so a failure names the seed and the index and
 * can be replayed. Mutations favour the first bytes, where headers and their sizes live.
 */
final class Mutator {
    private static final int[] BOUNDARY = {0, 1, 2, 0x7F, 0x80, 0xFF, 0x100, 0x7FFF, 0x8000, 0xFFFF, 0x10000,
        0x3FFF, 0x4000, 0x7FFF_FFFF, 0x8000_0000, 0xFFFF_FFFF, 16_384, 30_000, 65_535};

    private final byte[] seed;
    private final long baseSeed;

    Mutator(byte[] seed, long baseSeed) {
        this.seed = seed.clone();
        this.baseSeed = baseSeed;
    }

    /** Mutant number {@code index}: one to four mutations of the seed. */
    byte[] mutant(int index) {
        SplittableRandom r = new SplittableRandom(baseSeed * 1_000_003L + index);
        byte[] b = seed.clone();
        int n = 1 + r.nextInt(4);
        for (int k = 0; k < n; k++) {
            b = mutate(b, r);
        }
        return b;
    }

    private static int position(byte[] b, SplittableRandom r) {
        // half the time in the first 64 bytes (headers), else anywhere
        int limit = r.nextBoolean() ? Math.min(64, b.length) : b.length;
        return r.nextInt(Math.max(1, limit));
    }

    private static byte[] mutate(byte[] b, SplittableRandom r) {
        if (b.length == 0) {
            return new byte[] {(byte) r.nextInt(256)};
        }
        switch (r.nextInt(8)) {
            case 0 -> b[position(b, r)] ^= (byte) (1 << r.nextInt(8));
            case 1 -> b[position(b, r)] = (byte) r.nextInt(256);
            case 2, 3 -> {
                int width = r.nextBoolean() ? 2 : 4;
                int at = position(b, r);
                int value = BOUNDARY[r.nextInt(BOUNDARY.length)];
                boolean big = r.nextBoolean();
                for (int i = 0; i < width && at + i < b.length; i++) {
                    int shift = 8 * (big ? width - 1 - i : i);
                    b[at + i] = (byte) (value >>> shift);
                }
            }
            case 4 -> {
                return Arrays.copyOf(b, r.nextInt(b.length)); // truncated
            }
            case 5 -> { // a stretch duplicated in place
                int at = r.nextInt(b.length);
                int len = Math.min(1 + r.nextInt(64), b.length - at);
                byte[] out = new byte[b.length + len];
                System.arraycopy(b, 0, out, 0, at + len);
                System.arraycopy(b, at, out, at + len, b.length - at);
                return out;
            }
            case 6 -> { // a stretch removed
                int at = r.nextInt(b.length);
                int len = Math.min(1 + r.nextInt(64), b.length - at);
                byte[] out = new byte[b.length - len];
                System.arraycopy(b, 0, out, 0, at);
                System.arraycopy(b, at + len, out, at, b.length - at - len);
                return out;
            }
            default -> { // a run of one byte value, as zero-filled or 0xFF-filled damage
                int at = r.nextInt(b.length);
                int len = Math.min(1 + r.nextInt(32), b.length - at);
                Arrays.fill(b, at, at + len, r.nextBoolean() ? (byte) 0 : (byte) 0xFF);
            }
        }
        return b;
    }
}
