package io.keyfob.graphapi;

import java.time.Instant;
import java.util.UUID;

import io.keyfob.audit.AuditKind;
import io.keyfob.audit.AuditQuery;
import io.keyfob.audit.AuditResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The audit logs' {@code $filter}: each supported condition, their combination, and a
 * message that names the problem for what is not supported.
 */
class AuditFilterParserTests {

	@Test
	void applyWhenRangeInitiatorTargetAndResultThenEveryConditionSet() {
		AuditQuery query = parse(AuditKind.DIRECTORY_AUDIT,
				"activityDateTime ge 2026-11-01T00:00:00Z and activityDateTime le 2026-11-30T23:59:59Z "
						+ "and initiatedBy/user/id eq 'u-1' and targetResources/any(t: t/id eq 'dev''1') "
						+ "and result eq 'failure'");
		assertThat(query.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(query.to()).isEqualTo(Instant.parse("2026-11-30T23:59:59Z"));
		assertThat(query.initiatorId()).isEqualTo("u-1");
		assertThat(query.targetId()).isEqualTo("dev'1");
		assertThat(query.result()).isEqualTo(AuditResult.FAILURE);
	}

	@Test
	void applyWhenSignInConditionsThenUserAppAndStatusSet() {
		UUID user = UUID.randomUUID();
		AuditQuery query = parse(AuditKind.SIGN_IN, "createdDateTime gt 2026-11-01T00:00:00Z and userId eq '" + user
				+ "' and appId eq 'vpn' and status/errorCode ne 0 and targetResources/any(x : x/id eq 'tok')");
		assertThat(query.from()).isAfter(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(query.userId()).isEqualTo(user);
		assertThat(query.appId()).isEqualTo("vpn");
		assertThat(query.result()).isEqualTo(AuditResult.FAILURE);
		assertThat(query.targetId()).isEqualTo("tok");
	}

	@Test
	void applyWhenUnsupportedThenBadRequestNamingTheProblem() {
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> parse(AuditKind.DIRECTORY_AUDIT, "category eq 'Device'"))
			.withMessageContaining("cannot filter on 'category'");
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> parse(AuditKind.DIRECTORY_AUDIT, "activityDateTime ge yesterday"))
			.withMessageContaining("is not a date-time");
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> parse(AuditKind.DIRECTORY_AUDIT, "result ne 'success'"))
			.withMessageContaining("supports only 'eq'");
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> parse(AuditKind.DIRECTORY_AUDIT, "result eq 'success' or result eq 'failure'"))
			.withMessageContaining("expected 'and'");
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> parse(AuditKind.SIGN_IN, "userPrincipalName eq 'open"))
			.withMessageContaining("not closed");
		assertThatExceptionOfType(GraphRequestException.class)
			.isThrownBy(() -> parse(AuditKind.SIGN_IN, "userId eq 'not-a-guid'"))
			.withMessageContaining("GUID");
	}

	private static AuditQuery parse(AuditKind kind, String filter) {
		AuditQuery.Builder query = AuditQuery.of(kind);
		AuditFilterParser.apply(filter, kind, query);
		return query.build();
	}

}
