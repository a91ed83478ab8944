package io.keyfob.seedimport;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads at most a number of bytes from a stream and fails beyond, so that a file larger
 * than allowed is refused before it fills the memory. Does not close the stream it wraps.
 */
final class LimitedInputStream extends FilterInputStream {

	private final long limit;

	private long count;

	private long mark;

	LimitedInputStream(InputStream in, long limit) {
		super(in);
		this.limit = limit;
	}

	@Override
	public int read() throws IOException {
		int b = super.read();
		if (b >= 0) {
			count(1);
		}
		return b;
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		int read = super.read(buffer, offset, length);
		if (read > 0) {
			count(read);
		}
		return read;
	}

	@Override
	public long skip(long n) throws IOException {
		long skipped = super.skip(n);
		count(skipped);
		return skipped;
	}

	@Override
	public synchronized void mark(int readLimit) {
		super.mark(readLimit);
		this.mark = this.count;
	}

	@Override
	public synchronized void reset() throws IOException {
		super.reset();
		this.count = this.mark;
	}

	@Override
	public void close() {
		// the caller closes the stream it gave
	}

	private void count(long bytes) throws LimitExceeded {
		this.count += bytes;
		if (this.count > this.limit) {
			throw new LimitExceeded();
		}
	}

	/** The stream has more bytes than allowed. */
	static final class LimitExceeded extends IOException {

		private static final long serialVersionUID = 1L;

	}

}
