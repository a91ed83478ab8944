package io.keyfob.token;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bulk uploads that race: two uploads with overlapping serial numbers at once store each
 * serial number exactly once, and every item of both says what happened to it.
 */
// a server it does not call, like the other application tests, so that all share one
// start
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
class TokenUploadIntegrationTests {

	static final byte[] SEED = new byte[20];

	@Autowired
	TokenInventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createAllWhenTwoUploadsOverlapThenEachSerialStoredOnceAndEveryItemAnswered() throws Exception {
		for (int round = 0; round < 10; round++) {
			String prefix = "R" + UUID.randomUUID().toString().substring(0, 6) + "-";
			CyclicBarrier start = new CyclicBarrier(2);
			CompletableFuture<List<TokenCreation>> first = CompletableFuture
				.supplyAsync(() -> upload(start, prefix, 0, 300));
			CompletableFuture<List<TokenCreation>> second = CompletableFuture
				.supplyAsync(() -> upload(start, prefix, 150, 450));
			List<TokenCreation> all = new ArrayList<>(first.get());
			all.addAll(second.get());
			long created = all.stream().filter(TokenCreation.Created.class::isInstance).count();
			List<TokenCreation> refused = all.stream().filter(TokenCreation.Refused.class::isInstance).toList();
			assertThat(created).isEqualTo(450);
			assertThat(refused).hasSize(150)
				.allSatisfy((r) -> assertThat(((TokenCreation.Refused) r).reason().code())
					.isEqualTo("duplicateSerialNumber"));
			assertThat(this.jdbc.sql("select count(*) from hardware_oath_token where serial_key like :p")
				.param("p", prefix.toLowerCase(Locale.ROOT) + "%")
				.query(Long.class)
				.single()).isEqualTo(450);
		}
	}

	private List<TokenCreation> upload(CyclicBarrier start, String prefix, int from, int to) {
		List<NewHardwareOathToken> commands = new ArrayList<>();
		for (int i = from; i < to; i++) {
			commands.add(NewHardwareOathToken.totp(prefix + i, "Feitian", "c200", TokenSecret.of(SEED), 30));
		}
		try {
			start.await();
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
		return this.inventory.createAll(commands);
	}

}
