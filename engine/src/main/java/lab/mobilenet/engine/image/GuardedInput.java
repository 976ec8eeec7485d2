package lab.mobilenet.engine.image;

import java.io.File;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.TimeUnit;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * The file as the decoders see it, with two guards that turn a decoder's endless work into an
 * exception. Some decoders do not stop at the end of the data: TwelveMonkeys' WebP reader keeps
 * reading zero bits, one caught exception per refill, so a 710-byte file claiming 98 million pixels
 * took a minute. Here every read past the end is counted and, after {@link #PAST_END_READS}, refused;
 * and every read checks a deadline and the thread's interrupt flag.
 */
final class GuardedInput extends ImageInputStreamImpl {
    /** Reads at or past the end a decoder may make before we call the data truncated. */
    static final int PAST_END_READS = 1024;

    /** The data ended long before the picture did. */
    static final class DataExhaustedException extends IOException {
        private static final long serialVersionUID = 1L;

        DataExhaustedException(long length) {
            super("the " + length + "-byte file ends long before the picture it describes");
        }
    }

    /** Decoding took longer than allowed. */
    static final class DeadlineException extends IOException {
        private static final long serialVersionUID = 1L;

        DeadlineException(long millis) {
            super("decoding took longer than " + millis + " ms");
        }
    }

    private final ImageInputStream in;
    private final long length;
    private final long deadline;
    private final long limitMillis;
    private int pastEnd;
    private IOException tripped;

    GuardedInput(File file, long limitMillis) throws IOException {
        this.in = new FileImageInputStream(file);
        this.length = in.length();
        this.limitMillis = limitMillis;
        this.deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limitMillis);
    }

    /** The guard that stopped a read, if any: readers and format probes may swallow the exception. */
    IOException tripped() {
        return tripped;
    }

    private IOException trip(IOException e) {
        if (tripped == null) {
            tripped = e;
        }
        return e;
    }

    private void check() throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw trip(new InterruptedIOException("decoding was interrupted"));
        }
        if (System.nanoTime() - deadline > 0) {
            throw trip(new DeadlineException(limitMillis));
        }
    }

    private int counted(int n) throws IOException {
        if (n < 0 && ++pastEnd > PAST_END_READS) {
            throw trip(new DataExhaustedException(length));
        }
        return n;
    }

    @Override
    public int read() throws IOException {
        check();
        bitOffset = 0;
        int b = counted(in.read());
        if (b >= 0) {
            streamPos++;
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        bitOffset = 0;
        if (len == 0) {
            return 0;
        }
        int n = counted(in.read(b, off, len));
        if (n > 0) {
            streamPos += n;
        }
        return n;
    }

    @Override
    public void seek(long pos) throws IOException {
        super.seek(pos);
        in.seek(pos);
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public void close() throws IOException {
        super.close();
        in.close();
    }
}
