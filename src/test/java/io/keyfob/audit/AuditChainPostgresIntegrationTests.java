package io.keyfob.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.keyfob.KeyfobApplication;
import io.keyfob.support.TestPostgres;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes on one PostgreSQL database append and chain at the same time: the chain has
 * no gap, no fork and no duplicate, and every change has exactly one entry.
 */
class AuditChainPostgresIntegrationTests {

	static final int THREADS_PER_NODE = 4;

	static final int TOKENS_PER_THREAD = 25;

	@Test
	void chainWhenTwoNodesAppendConcurrentlyThenOneUnbrokenChain() throws Exception {
		String url = TestPostgres.newDatabase();
		try (ConfigurableApplicationContext first = node(url); ConfigurableApplicationContext second = node(url)) {
			ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE + 2);
			try {
				List<Future<?>> work = new ArrayList<>();
				for (int t = 0; t < THREADS_PER_NODE; t++) {
					work.add(pool.submit(() -> createTokens(first, "A")));
					work.add(pool.submit(() -> createTokens(second, "B")));
				}
				work.add(pool.submit(() -> sealRepeatedly(first)));
				work.add(pool.submit(() -> sealRepeatedly(second)));
				for (Future<?> future : work) {
					future.get();
				}
			}
			finally {
				pool.shutdownNow();
			}
			ChainVerification result = second.getBean(AuditLog.class).verify();
			assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
			int expected = 2 * THREADS_PER_NODE * TOKENS_PER_THREAD;
			JdbcClient jdbc = first.getBean(JdbcClient.class);
			long all = jdbc.sql("select count(*) from audit_entry").query(Long.class).single();
			assertThat(result.entriesChecked()).as("the first start's entries and the tokens'").isEqualTo(all);
			assertThat(jdbc.sql("select count(distinct seq) from audit_entry").query(Long.class).single())
				.isEqualTo(all);
			assertThat(jdbc.sql("select max(seq) from audit_entry").query(Long.class).single()).isEqualTo(all);
			assertThat(jdbc.sql("select count(*) from audit_entry where activity = 'Add hardware OATH token'")
				.query(Long.class)
				.single()).isEqualTo(expected);
		}
	}

	private static void createTokens(ConfigurableApplicationContext node, String prefix) {
		TokenInventory inventory = node.getBean(TokenInventory.class);
		String thread = Thread.currentThread().getName();
		for (int i = 0; i < TOKENS_PER_THREAD; i++) {
			inventory.create(NewHardwareOathToken.totp(prefix + "-" + thread + "-" + i, "Feitian", "c200",
					TokenSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), 30));
		}
	}

	private static void sealRepeatedly(ConfigurableApplicationContext node) {
		AuditChain chain = node.getBean(AuditChain.class);
		for (int i = 0; i < 40; i++) {
			chain.seal();
		}
	}

	private static ConfigurableApplicationContext node(String url) {
		return new SpringApplicationBuilder(KeyfobApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
				"--spring.datasource.password=", "--logging.level.root=WARN");
	}

}
