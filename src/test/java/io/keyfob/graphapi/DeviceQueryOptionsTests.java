package io.keyfob.graphapi;

import java.util.Map;

import io.keyfob.token.TokenCriterion;
import io.keyfob.token.TokenField;
import io.keyfob.token.TokenStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The list's query options other than {@code $filter}.
 */
class DeviceQueryOptionsTests {

	@Test
	void fromWhenNoOptionsThenFirstHundredAscending() {
		DeviceQueryOptions options = DeviceQueryOptions.from(Map.of());
		assertThat(options.query().limit()).isEqualTo(100);
		assertThat(options.query().descending()).isFalse();
		assertThat(options.query().after()).isNull();
		assertThat(options.query().count()).isFalse();
		assertThat(options.query().filter()).isNull();
		assertThat(options.select()).isEmpty();
	}

	@Test
	void fromWhenAllOptionsThenQueryCarriesThem() {
		String token = DeviceQueryOptions.skipToken("galt-9", true);
		DeviceQueryOptions options = DeviceQueryOptions
			.from(Map.of("$filter", "status eq 'available'", "$top", "999", "$count", "true", "$orderby",
					"serialNumber desc", "$skiptoken", token, "$select", "status,SERIALNUMBER"));
		assertThat(options.query().filter()).isEqualTo(TokenCriterion.eq(TokenField.STATUS, TokenStatus.AVAILABLE));
		assertThat(options.query().limit()).isEqualTo(999);
		assertThat(options.query().count()).isTrue();
		assertThat(options.query().descending()).isTrue();
		assertThat(options.query().after()).isEqualTo("galt-9");
		assertThat(options.select()).containsExactly("serialNumber", "status");
	}

	@Test
	void fromWhenTopOutOfRangeThenRefused() {
		for (String top : new String[] { "0", "1000", "-1", "ten", "" }) {
			assertThatExceptionOfType(GraphRequestException.class)
				.isThrownBy(() -> DeviceQueryOptions.from(Map.of("$top", top)))
				.withMessage("$top must be a whole number from 1 to 999, not '" + top + "'");
		}
	}

	@Test
	void fromWhenOrderByOtherPropertyThenRefused() {
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> DeviceQueryOptions.from(Map.of("$orderby", "model")))
			.withMessage("$orderby: the list can be sorted by serialNumber only: use $orderby=serialNumber or "
					+ "$orderby=serialNumber desc");
	}

	@Test
	void fromWhenSkipTokenForOtherOrderThenRefused() {
		String ascending = DeviceQueryOptions.skipToken("a", false);
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> DeviceQueryOptions.from(Map.of("$skiptoken", ascending, "$orderby", "serialNumber desc")))
			.withMessageStartingWith("$skiptoken is not one Keyfob issued for this order");
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> DeviceQueryOptions.from(Map.of("$skiptoken", "%%%")))
			.withMessageStartingWith("$skiptoken is not one Keyfob issued");
	}

	@Test
	void fromWhenSelectUnknownPropertyThenListsProperties() {
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> DeviceQueryOptions.from(Map.of("$select", "serialNumber,colour")))
			.withMessageStartingWith("$select: unknown property 'colour'; properties are id, displayName,");
	}

	@Test
	void fromWhenUnsupportedOptionThenSaysHowToPage() {
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> DeviceQueryOptions.from(Map.of("$skip", "100")))
			.withMessage("$skip is not supported here; page with $top and the @odata.nextLink of each response, "
					+ "and filter with $filter");
	}

	@Test
	void fromWhenCountNotBooleanThenRefused() {
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> DeviceQueryOptions.from(Map.of("$count", "yes")))
			.withMessage("$count must be true or false, not 'yes'");
	}

	@Test
	void fromWhenUnknownPlainParameterThenIgnored() {
		assertThat(DeviceQueryOptions.from(Map.of("api-version", "beta")).query().limit()).isEqualTo(100);
	}

}
