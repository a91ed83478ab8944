package io.keyfob.token;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Predicate;

import io.keyfob.otp.HashFunction;
import io.keyfob.shared.filter.Filter;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Listing the inventory against a real database: 10,000 tokens paged through with and
 * without filters, in both orders, with no token twice and none missing, and every filter
 * checked against the same condition computed in Java. Subclasses choose the database.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TokenListingChecks {

	static final int TOKENS = 10_000;

	static final byte[] SEED = new byte[20];

	@Autowired
	TokenInventory inventory;

	@Autowired
	JdbcClient jdbc;

	final List<HardwareOathToken> all = new ArrayList<>();

	final UUID alice = UUID.randomUUID();

	final UUID bob = UUID.randomUUID();

	@BeforeAll
	void fillInventory() {
		List<NewHardwareOathToken> batch = new ArrayList<>();
		for (int i = 0; i < TOKENS; i++) {
			batch.add(command(i));
			if (batch.size() == TokenInventory.MAX_BULK_ITEMS) {
				store(batch);
			}
		}
		store(batch);
		// assign some tokens directly: the assignment rules are another module's concern
		for (int i = 0; i < 300; i++) {
			HardwareOathToken token = this.all.get(i * 7);
			UUID user = (i % 3 == 0) ? this.bob : this.alice;
			this.all.set(i * 7, this.inventory.change(token.id(), (t) -> t.assignTo(user)));
		}
		assertThat(this.jdbc.sql("select count(*) from hardware_oath_token").query(Long.class).single())
			.isEqualTo(TOKENS);
	}

	private void store(List<NewHardwareOathToken> batch) {
		for (TokenCreation creation : this.inventory.createAll(batch)) {
			assertThat(creation).isInstanceOf(TokenCreation.Created.class);
			this.all.add(((TokenCreation.Created) creation).token());
		}
		batch.clear();
	}

	private static NewHardwareOathToken command(int i) {
		// a few serials with LIKE wildcards, to prove that startswith escapes them
		String serial = switch (i) {
			case 0 -> "W50%_OFF-1";
			case 1 -> "W50X_OFF-2";
			case 2 -> "W50%XOFF-3";
			default -> String.format(Locale.ROOT, "%s%05d", (i % 4 == 0) ? "GALT" : "FT", i);
		};
		boolean hotp = i % 10 == 9;
		return new NewHardwareOathToken(serial, null, (i % 3 == 0) ? "Feitian" : "Thales",
				(i % 5 == 0) ? "c200" : "OTP 110", TokenSecret.of(SEED), hotp ? OtpType.HOTP : OtpType.TOTP,
				HashFunction.values()[i % 3], 6, (i % 2 == 0) ? 30 : 60, 0, 0);
	}

	@Test
	void listWhenPagingAllTokensAscendingThenEveryTokenOnceInOrder() {
		List<String> serials = pageThrough(null, false, 999);
		assertThat(serials).hasSize(TOKENS).doesNotHaveDuplicates();
		assertThat(serials).isEqualTo(expected((t) -> true, false));
	}

	@Test
	void listWhenPagingAllTokensDescendingThenReverseOrder() {
		List<String> serials = pageThrough(null, true, 777);
		assertThat(serials).hasSize(TOKENS).doesNotHaveDuplicates();
		assertThat(serials).isEqualTo(expected((t) -> true, true));
	}

	@Test
	void listWhenPagingWithFilterThenExactlyTheMatchingTokensInBothOrders() {
		Filter filter = TokenCriterion.all(List.of(TokenCriterion.eq(TokenField.MANUFACTURER, "Feitian"),
				TokenCriterion.ne(TokenField.STATUS, TokenStatus.ASSIGNED)));
		Predicate<HardwareOathToken> matches = (t) -> t.manufacturer().equals("Feitian")
				&& t.status() != TokenStatus.ASSIGNED;
		List<String> ascending = pageThrough(filter, false, 100);
		assertThat(ascending).doesNotHaveDuplicates().isEqualTo(expected(matches, false));
		assertThat(pageThrough(filter, true, 333)).isEqualTo(expected(matches, true));
		assertThat(ascending.size()).isGreaterThan(3000);
	}

	@Test
	void listWhenEachFilterablePropertyThenMatchesJava() {
		checkFilter(TokenCriterion.eq(TokenField.STATUS, TokenStatus.AVAILABLE),
				(t) -> t.status() == TokenStatus.AVAILABLE);
		checkFilter(TokenCriterion.eq(TokenField.MODEL, "c200"), (t) -> t.model().equals("c200"));
		checkFilter(TokenCriterion.eq(TokenField.HASH_FUNCTION, HashFunction.HMAC_SHA512),
				(t) -> t.hashFunction() == HashFunction.HMAC_SHA512);
		checkFilter(TokenCriterion.eq(TokenField.TIME_INTERVAL, 60),
				(t) -> Integer.valueOf(60).equals(t.timeIntervalSeconds()));
		checkFilter(TokenCriterion.eq(TokenField.TIME_INTERVAL, null), (t) -> t.timeIntervalSeconds() == null);
		checkFilter(TokenCriterion.ne(TokenField.TIME_INTERVAL, 30),
				(t) -> !Integer.valueOf(30).equals(t.timeIntervalSeconds()));
		checkFilter(TokenCriterion.eq(TokenField.ASSIGNED_TO, this.bob), (t) -> this.bob.equals(t.assignedTo()));
		checkFilter(TokenCriterion.ne(TokenField.ASSIGNED_TO, this.bob), (t) -> !this.bob.equals(t.assignedTo()));
		checkFilter(TokenCriterion.eq(TokenField.ASSIGNED_TO, null), (t) -> t.assignedTo() == null);
		checkFilter(TokenCriterion.eq(TokenField.SERIAL_NUMBER, " galt00004 "),
				(t) -> t.serialNumber().equals("GALT00004"));
		checkFilter(TokenCriterion.serialNumberStartsWith("galt0001"), (t) -> t.serialNumber().startsWith("GALT0001"));
		checkFilter(
				TokenCriterion.any(List.of(TokenCriterion.eq(TokenField.MODEL, "c200"),
						TokenCriterion.eq(TokenField.HASH_FUNCTION, HashFunction.HMAC_SHA256))),
				(t) -> t.model().equals("c200") || t.hashFunction() == HashFunction.HMAC_SHA256);
	}

	@Test
	void listWhenPrefixHasLikeWildcardsThenTheyMatchLiterally() {
		checkFilter(TokenCriterion.serialNumberStartsWith("W50%_"), (t) -> t.serialNumber().equals("W50%_OFF-1"));
		checkFilter(TokenCriterion.serialNumberStartsWith("W50%"),
				(t) -> t.serialNumber().equals("W50%_OFF-1") || t.serialNumber().equals("W50%XOFF-3"));
		checkFilter(TokenCriterion.serialNumberStartsWith("W50"), (t) -> t.serialNumber().startsWith("W50"));
		checkFilter(TokenCriterion.eq(TokenField.SERIAL_NUMBER, "' or 1=1 --"), (t) -> false);
	}

	@Test
	void listWhenCountAskedThenCountsAllMatchesNotThePage() {
		TokenPage page = this.inventory
			.list(new TokenQuery(TokenCriterion.eq(TokenField.MODEL, "c200"), false, 5, null, true));
		assertThat(page.tokens()).hasSize(5);
		assertThat(page.count()).isEqualTo(this.all.stream().filter((t) -> t.model().equals("c200")).count());
		assertThat(this.inventory.list(TokenQuery.firstPage(1)).count()).isNull();
	}

	private void checkFilter(Filter filter, Predicate<HardwareOathToken> matches) {
		assertThat(pageThrough(filter, false, 999)).as(filter.toString()).isEqualTo(expected(matches, false));
	}

	private List<String> pageThrough(@Nullable Filter filter, boolean descending, int limit) {
		List<String> serials = new ArrayList<>();
		TokenQuery query = new TokenQuery(filter, descending, limit, null, false);
		int pages = 0;
		while (query != null) {
			TokenPage page = this.inventory.list(query);
			page.tokens().forEach((t) -> serials.add(t.serialNumber()));
			assertThat(page.tokens().size()).isLessThanOrEqualTo(limit);
			query = query.next(page);
			assertThat(++pages).as("pages").isLessThan(TOKENS);
		}
		return serials;
	}

	private List<String> expected(Predicate<HardwareOathToken> matches, boolean descending) {
		List<String> serials = new ArrayList<>(
				this.all.stream().filter(matches).map(HardwareOathToken::serialNumber).toList());
		serials.sort((a, b) -> a.toLowerCase(Locale.ROOT).compareTo(b.toLowerCase(Locale.ROOT)));
		if (descending) {
			java.util.Collections.reverse(serials);
		}
		assertThat(new HashSet<>(serials)).hasSameSizeAs(serials);
		return serials;
	}

}
