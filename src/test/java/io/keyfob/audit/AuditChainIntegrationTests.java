package io.keyfob.audit;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.keyfob.support.MutableClock;
import io.keyfob.support.TestClockConfiguration;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenChanges;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.web.context.request.RequestContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The hash chain: inventory changes are logged once each, chained in order, and
 * verification finds an edited, a deleted and a removed-at-the-end entry; the retention
 * purge leaves a verifiable chain.
 */
@SpringBootTest(properties = "keyfob.audit.chain-interval=1h")
@Import(TestClockConfiguration.class)
class AuditChainIntegrationTests {

	@Autowired
	TokenInventory inventory;

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditChain chain;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	/**
	 * The mock request of the test framework would make Keyfob's own actions look
	 * anonymous.
	 */
	@BeforeEach
	void outsideAnyRequest() {
		RequestContextHolder.resetRequestAttributes();
	}

	@Test
	void createWhenTokenAddedThenOneEntryWithTargetAndKeyfobAsActor() {
		UUID id = createToken("CHAIN-ONE").id();
		List<AuditEntry> entries = entriesFor(id);
		assertThat(entries).singleElement().satisfies((entry) -> {
			assertThat(entry.activity()).isEqualTo("Add hardware OATH token");
			assertThat(entry.operationType()).isEqualTo("Add");
			assertThat(entry.result()).isEqualTo(AuditResult.SUCCESS);
			assertThat(entry.initiatedBy()).isEqualTo(AuditActor.KEYFOB);
			assertThat(entry.targets()).containsExactly(new AuditTarget(id.toString(), "Device", "CHAIN-ONE"));
		});
	}

	@Test
	void verifyWhenEntriesUntouchedThenIntact() {
		UUID id = createToken("CHAIN-INTACT").id();
		this.clock.advance(Duration.ofSeconds(1));
		this.inventory.update(id, new TokenChanges(null, null, null, null, null));
		this.clock.advance(Duration.ofSeconds(1));
		this.inventory.delete(id);
		assertThat(entriesFor(id)).extracting(AuditEntry::activity)
			.containsExactly("Delete hardware OATH token", "Update hardware OATH token", "Add hardware OATH token");
		ChainVerification result = this.auditLog.verify();
		assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
		assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(3);
		assertThat(result.waiting()).isZero();
		assertThat(result.lastHash()).hasSize(64);
	}

	@Test
	void verifyWhenEntryEditedThenReportsThatEntry() {
		UUID id = createToken("CHAIN-EDIT").id();
		this.chain.seal();
		AuditEntry entry = entriesFor(id).get(0);
		this.jdbc.sql("update audit_entry set activity = 'Nothing happened' where id = :id")
			.param("id", entry.id())
			.update();
		ChainVerification result = this.auditLog.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.brokenEntryId()).isEqualTo(entry.id());
		assertThat(result.brokenAt()).isEqualTo(sequenceOf(entry.id()));
		assertThat(result.problem()).contains("changed");
		restore(entry.id(), "Add hardware OATH token");
	}

	@Test
	void verifyWhenTargetEditedThenReportsItsEntry() {
		UUID id = createToken("CHAIN-TARGET").id();
		this.chain.seal();
		AuditEntry entry = entriesFor(id).get(0);
		this.jdbc.sql("update audit_target set display_name = 'OTHER' where entry_id = :id")
			.param("id", entry.id())
			.update();
		ChainVerification result = this.auditLog.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.brokenEntryId()).isEqualTo(entry.id());
		this.jdbc.sql("update audit_target set display_name = 'CHAIN-TARGET' where entry_id = :id")
			.param("id", entry.id())
			.update();
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	@Test
	void verifyWhenEntryDeletedThenReportsTheMissingPosition() {
		UUID deleted = createToken("CHAIN-DEL-1").id();
		createToken("CHAIN-DEL-2");
		assertDeletionReported(deleted);
	}

	@Test
	void verifyWhenNewestEntryDeletedThenReportsTheEnd() {
		assertDeletionReported(createToken("CHAIN-LAST").id());
	}

	private void assertDeletionReported(UUID tokenId) {
		this.chain.seal();
		UUID entryId = entriesFor(tokenId).get(0).id();
		long sequence = sequenceOf(entryId);
		List<Map<String, Object>> entries = rows("audit_entry", "id", entryId);
		List<Map<String, Object>> targets = rows("audit_target", "entry_id", entryId);
		this.jdbc.sql("delete from audit_target where entry_id = :id").param("id", entryId).update();
		this.jdbc.sql("delete from audit_entry where id = :id").param("id", entryId).update();
		ChainVerification result = this.auditLog.verify();
		assertThat(result.intact()).isFalse();
		assertThat(result.brokenAt()).isEqualTo(sequence);
		assertThat(result.problem()).contains("missing");
		// put the rows back, so the chain is whole again for the tests that share this
		// context
		entries.forEach((row) -> insert("audit_entry", row));
		targets.forEach((row) -> insert("audit_target", row));
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	private List<Map<String, Object>> rows(String table, String column, UUID id) {
		return this.jdbc.sql("select * from " + table + " where " + column + " = :id")
			.param("id", id)
			.query()
			.listOfRows();
	}

	private void insert(String table, Map<String, Object> row) {
		List<String> columns = List.copyOf(row.keySet());
		StatementSpec insert = this.jdbc.sql("insert into " + table + " (" + String.join(", ", columns) + ") values ("
				+ String.join(", ", columns.stream().map((column) -> "?").toList()) + ")");
		for (String column : columns) {
			insert = insert.param(row.get(column));
		}
		insert.update();
	}

	@Test
	@DirtiesContext
	void purgeWhenEntriesOlderThanRetentionThenDeletesThemAndChainStaysVerifiable() {
		UUID old = createToken("PURGE-OLD").id();
		this.clock.advance(Duration.ofDays(400));
		UUID recent = createToken("PURGE-NEW").id();
		long purged = this.auditLog.purgeExpired();
		assertThat(purged).isGreaterThanOrEqualTo(1);
		assertThat(entriesFor(old)).isEmpty();
		assertThat(entriesFor(recent)).hasSize(1);
		ChainVerification result = this.auditLog.verify();
		assertThat(result.intact()).as(String.valueOf(result.problem())).isTrue();
		assertThat(result.anchorSequence()).isGreaterThanOrEqualTo(1);
		List<AuditEntry> purges = this.auditLog
			.page(AuditQuery.of(AuditKind.DIRECTORY_AUDIT).initiatorId("keyfob").build())
			.entries()
			.stream()
			.filter((entry) -> entry.activity().equals("Purge audit log"))
			.toList();
		assertThat(purges).singleElement()
			.satisfies((entry) -> assertThat(entry.details()).contains(new AuditDetail("deletedEntries", "" + purged)));
		assertThat(this.auditLog.purgeExpired()).isZero();
	}

	private void restore(UUID entryId, String activity) {
		this.jdbc.sql("update audit_entry set activity = :activity where id = :id")
			.param("activity", activity)
			.param("id", entryId)
			.update();
		assertThat(this.auditLog.verify().intact()).isTrue();
	}

	private long sequenceOf(UUID entryId) {
		return this.jdbc.sql("select seq from audit_entry where id = :id")
			.param("id", entryId)
			.query(Long.class)
			.single();
	}

	private List<AuditEntry> entriesFor(UUID targetId) {
		return this.auditLog.page(AuditQuery.of(AuditKind.DIRECTORY_AUDIT).targetId(targetId.toString()).build())
			.entries();
	}

	private io.keyfob.token.HardwareOathToken createToken(String serial) {
		this.clock.advance(Duration.ofSeconds(1));
		return this.inventory.create(NewHardwareOathToken.totp(serial, "Feitian", "c200",
				TokenSecret.fromBase32("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP"), 30));
	}

}
