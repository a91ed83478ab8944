package io.keyfob.shared.jdbc;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;

/**
 * Tells a JDBC failure that means the database cannot be reached from one that a
 * statement caused, so that the edge can answer the first with a prompt retryable
 * {@code 503}. JDBC types stay in the {@code jdbc} packages.
 */
public final class ConnectionFailures {

	private ConnectionFailures() {
	}

	/**
	 * Whether a failure is JDBC's way of saying the connection is lost or cannot be made.
	 * @param failure one failure (not its causes)
	 * @return {@code true} for a connection exception
	 */
	public static boolean isConnectionLost(Throwable failure) {
		return failure instanceof SQLTransientConnectionException
				|| failure instanceof SQLNonTransientConnectionException
				|| (failure instanceof SQLException sql && lostConnection(sql.getSQLState()));
	}

	// SQL state class 08: connection exceptions; 57P01 to 57P03: the server shut down or
	// cannot take connections now
	private static boolean lostConnection(String state) {
		return state != null && (state.startsWith("08") || state.startsWith("57P"));
	}

}
