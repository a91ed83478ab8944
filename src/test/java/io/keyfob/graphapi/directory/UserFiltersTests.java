package io.keyfob.graphapi.directory;

import io.keyfob.directory.UserQuery;
import io.keyfob.shared.KeyfobException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code $filter} subset for users.
 */
class UserFiltersTests {

	@Test
	void parseWhenEqualsAndStartsWithJoinedThenEveryCriterion() {
		UserQuery query = UserFilters.parse("userPrincipalName eq 'o''brien@example.org' AND "
				+ "startswith(displayName, 'Ann and Bob') and accountEnabled eq TRUE", 10);
		assertThat(query.userPrincipalName()).isEqualTo("o'brien@example.org");
		assertThat(query.displayNamePrefix()).isEqualTo("Ann and Bob");
		assertThat(query.accountEnabled()).isTrue();
		assertThat(query.limit()).isEqualTo(10);
	}

	@Test
	void parseWhenNoFilterThenEveryone() {
		UserQuery query = UserFilters.parse(null, 100);
		assertThat(query.userPrincipalName()).isNull();
		assertThat(query.displayName()).isNull();
	}

	@Test
	void parseWhenUnsupportedThenBadRequestNamingTheClause() {
		assertThatExceptionOfType(KeyfobException.class).isThrownBy(() -> UserFilters.parse("mail eq 'x'", 10))
			.withMessageContaining("mail eq 'x'")
			.extracting(KeyfobException::code)
			.isEqualTo("Request_BadRequest");
	}

}
