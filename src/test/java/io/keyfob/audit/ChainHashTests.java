package io.keyfob.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chain hash: stable for the same entry, different for any change of a field, of the
 * position or of the previous hash, and not confused by moving text between fields.
 */
class ChainHashTests {

	static final AuditEntry ENTRY = new AuditEntry(UUID.fromString("01a218d4-7a7e-7000-a8d6-e4e2a2bc1832"), null,
			AuditKind.DIRECTORY_AUDIT, Instant.parse("2026-11-26T12:00:00.123456Z"), "Device",
			"Add hardware OATH token", "Add", AuditResult.SUCCESS, null, 0, "req-1", "Hardware OATH Tokens",
			AuditActor.app("loader", "loader"), "loader", "192.0.2.1", null, null, null,
			List.of(new AuditTarget("t-1", "Device", "GALT-1")), List.of(new AuditDetail("serialNumber", "GALT-1")));

	@Test
	void ofWhenSameEntryThenSameHash() {
		assertThat(ChainHash.of(ChainHash.GENESIS, 1, ENTRY)).hasSize(64)
			.isEqualTo(ChainHash.of(ChainHash.GENESIS, 1, ENTRY));
	}

	@Test
	void ofWhenAnythingChangesThenAnotherHash() {
		String hash = ChainHash.of(ChainHash.GENESIS, 1, ENTRY);
		assertThat(ChainHash.of(ChainHash.GENESIS, 2, ENTRY)).isNotEqualTo(hash);
		assertThat(ChainHash.of("1".repeat(64), 1, ENTRY)).isNotEqualTo(hash);
		assertThat(ChainHash.of(ChainHash.GENESIS, 1, with("Add hardware OATH tokens", ENTRY.targets())))
			.isNotEqualTo(hash);
		assertThat(ChainHash.of(ChainHash.GENESIS, 1,
				with(ENTRY.activity(), List.of(new AuditTarget("t-1", "Device", "GALT-2")))))
			.isNotEqualTo(hash);
	}

	@Test
	void ofWhenTextMovesBetweenFieldsThenAnotherHash() {
		AuditEntry split = with("Add hardware OATH token", List.of(new AuditTarget("t-1", "Device", "GALT-1")));
		AuditEntry moved = new AuditEntry(split.id(), null, split.kind(), split.activityDateTime(), "DeviceAdd",
				" hardware OATH token", split.operationType(), split.result(), null, 0, split.correlationId(),
				split.loggedByService(), split.initiatedBy(), split.appId(), split.ipAddress(), null, null, null,
				split.targets(), split.details());
		AuditEntry original = new AuditEntry(split.id(), null, split.kind(), split.activityDateTime(), "Device",
				"Add hardware OATH token", split.operationType(), split.result(), null, 0, split.correlationId(),
				split.loggedByService(), split.initiatedBy(), split.appId(), split.ipAddress(), null, null, null,
				split.targets(), split.details());
		assertThat(ChainHash.of(ChainHash.GENESIS, 1, moved))
			.isNotEqualTo(ChainHash.of(ChainHash.GENESIS, 1, original));
	}

	private static AuditEntry with(String activity, List<AuditTarget> targets) {
		return new AuditEntry(ENTRY.id(), null, ENTRY.kind(), ENTRY.activityDateTime(), ENTRY.category(), activity,
				ENTRY.operationType(), ENTRY.result(), null, 0, ENTRY.correlationId(), ENTRY.loggedByService(),
				ENTRY.initiatedBy(), ENTRY.appId(), ENTRY.ipAddress(), null, null, null, targets, ENTRY.details());
	}

}
