package io.keyfob.bench;

import java.util.Locale;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

import io.keyfob.otp.CodeWindow;
import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpCode;
import io.keyfob.otp.OtpGenerator;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One TOTP sign-in check: a typed 6-digit code against a window of ±2 steps (5
 * candidates), as docs/design.md's verification rules prescribe.
 * <p>
 * {@code absent} is the worst case and what brute force costs us: the code is in no step
 * of the window. {@code atCentre} is the common success. Both reuse one generator, as a
 * cache of initialised MACs per token would; {@code absentNewGenerator} creates the
 * generator per check, as a server does that decrypts the secret for each check only.
 * Short runs on purpose: the build machine has two shared cores.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class OtpEngineBenchmark {

	private static final long NOW = 2_000_000_000L;

	@Param({ "HMAC_SHA1", "HMAC_SHA256" })
	HashFunction hashFunction;

	private byte[] key;

	private OtpParameters parameters;

	private OtpGenerator generator;

	private CodeWindow window;

	private OtpCode centreCode;

	private OtpCode absentCode;

	@Setup
	public void setUp() {
		this.key = new byte[(this.hashFunction == HashFunction.HMAC_SHA1) ? 20 : 32];
		for (int i = 0; i < this.key.length; i++) {
			this.key[i] = (byte) ('1' + i % 10);
		}
		this.parameters = new OtpParameters(this.hashFunction, 6);
		this.generator = OtpGenerator.of(this.key, this.parameters);
		long step = Totp.step(NOW, 30);
		this.window = CodeWindow.around(step, 2);
		this.centreCode = OtpCode.parse(this.generator.codeAt(step));
		this.absentCode = codeOutsideWindow();
	}

	@Benchmark
	public OptionalLong absent() {
		return this.generator.findMatch(this.absentCode, this.window);
	}

	@Benchmark
	public OptionalLong atCentre() {
		return this.generator.findMatch(this.centreCode, this.window);
	}

	@Benchmark
	public OptionalLong absentNewGenerator() {
		return OtpGenerator.of(this.key, this.parameters).findMatch(this.absentCode, this.window);
	}

	private OtpCode codeOutsideWindow() {
		for (int candidate = 0;; candidate++) {
			OtpCode code = OtpCode.parse(String.format(Locale.ROOT, "%06d", candidate));
			if (this.generator.findMatch(code, this.window).isEmpty()) {
				return code;
			}
		}
	}

}
