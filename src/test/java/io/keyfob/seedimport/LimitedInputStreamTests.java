package io.keyfob.seedimport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A stream that refuses to be read past a limit, however it is read.
 */
class LimitedInputStreamTests {

	@Test
	void readWhenWithinTheLimitThenAllBytes() throws IOException {
		InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[10]), 10);

		assertThat(in.readAllBytes()).hasSize(10);
	}

	@Test
	void readWhenPastTheLimitThenFails() {
		InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[11]), 10);

		assertThatExceptionOfType(LimitedInputStream.LimitExceeded.class).isThrownBy(in::readAllBytes);
	}

	@Test
	void readWhenByteByBytePastTheLimitThenFails() throws IOException {
		InputStream in = new LimitedInputStream(new ByteArrayInputStream(new byte[3]), 2);
		in.read();
		in.read();

		assertThatExceptionOfType(LimitedInputStream.LimitExceeded.class).isThrownBy(in::read);
	}

	@Test
	void resetThenBytesReadAgainCountOnce() throws IOException {
		InputStream in = new LimitedInputStream(new java.io.BufferedInputStream(new ByteArrayInputStream(new byte[8])),
				8);
		in.mark(8);
		in.readNBytes(6);
		in.reset();

		assertThat(in.readAllBytes()).hasSize(8);
	}

}
