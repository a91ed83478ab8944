package io.keyfob.support;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HexFormat;
import java.util.UUID;

import io.keyfob.otp.HashFunction;
import io.keyfob.otp.OtpCode;
import io.keyfob.otp.OtpParameters;
import io.keyfob.otp.Totp;
import io.keyfob.token.CheckWindow;
import io.keyfob.token.CodeCheck;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenCodes;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The child process of the crash test: starts Keyfob on a file database, has one code
 * accepted, says so on standard output, then waits to be killed with SIGKILL.
 */
public final class CrashingKeyfob {

	private CrashingKeyfob() {
	}

	/**
	 * Run the child.
	 * @param args data directory, master key (Base64), token secret (hex)
	 * @throws InterruptedException never in practice: the parent kills the process
	 */
	public static void main(String[] args) throws InterruptedException {
		Path dataDirectory = Path.of(args[0]);
		byte[] secret = HexFormat.of().parseHex(args[2]);
		ConfigurableApplicationContext keyfob = Keyfob.start(dataDirectory, "--keyfob.secrets.master-key=" + args[1],
				"--logging.level.root=WARN");
		UUID id = keyfob.getBean(TokenInventory.class)
			.create(NewHardwareOathToken.totp("CRASH-1", "Feitian", "c200", TokenSecret.of(secret), 30))
			.id();
		String code = Totp.generate(secret, Instant.now().getEpochSecond(), 30,
				new OtpParameters(HashFunction.HMAC_SHA1, 6));
		CodeCheck check = keyfob.getBean(TokenCodes.class).check(id, OtpCode.parse(code), CheckWindow.signIn());
		System.out.println("RESULT " + check.outcome() + " " + check.position() + " " + code);
		System.out.flush();
		Thread.sleep(Long.MAX_VALUE);
	}

}
