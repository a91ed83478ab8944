package io.keyfob.graphapi;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which failures mean the database is away (a 503 to retry) and which stay errors.
 */
class DatabaseUnavailableTests {

	@Test
	void causedByWhenConnectionLostOrRefusedThenTrue() {
		assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("pool timed out"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new CannotCreateTransactionException("no connection"))).isTrue();
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException(new SQLException("I/O error", "08006"))))
			.isTrue();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("terminating connection", "57P01"))).isTrue();
		TransactionSystemException rollback = new TransactionSystemException("rollback failed");
		rollback.initApplicationException(new SQLException("broken pipe", "08006"));
		assertThat(DatabaseUnavailable.causedBy(rollback)).isTrue();
	}

	@Test
	void causedByWhenOtherFailureThenFalse() {
		assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("bug"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new SQLException("syntax", "42601"))).isFalse();
		assertThat(DatabaseUnavailable.causedBy(new TransactionSystemException("rollback failed"))).isFalse();
	}

}
