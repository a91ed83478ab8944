package io.keyfob.authorization;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.keyfob.directory.DirectoryRole;
import org.jspecify.annotations.Nullable;

/**
 * One row of the authorization matrix: an endpoint, the request that succeeds, and who
 * may send it. Build rows with the static factories and the {@code with...} methods; see
 * {@link ApiEndpoints}.
 * <p>
 * Paths and bodies may hold placeholders such as <code>{user}</code>: the row's
 * {@link #setup()} makes fresh objects for each permitted request (and once for all the
 * refused ones, which change nothing) and returns the values.
 *
 * @param method the HTTP method
 * @param path the path, with placeholders
 * @param body the body, with placeholders, or {@code null}
 * @param contentType the body's content type
 * @param success the status of a permitted request
 * @param appSuccess the status of a permitted request with an app-only token, where it
 * differs (Graph answers 400 for {@code /me} with an app-only token)
 * @param permissions the application permissions of which any one permits the request
 * @param roles the directory roles of which any one permits a delegated request
 * @param everyUser whether every signed-in user may send it (self-service)
 * @param setup makes the objects the request acts on and returns the placeholders
 */
public record ApiEndpoint(String method, String path, @Nullable String body, String contentType, int success,
		int appSuccess, Set<String> permissions, Set<DirectoryRole> roles, boolean everyUser,
		Function<Fixtures, Map<String, String>> setup) {

	static ApiEndpoint get(String path) {
		return of("GET", path, null, 200);
	}

	static ApiEndpoint post(String path, String body, int success) {
		return of("POST", path, body, success);
	}

	static ApiEndpoint patch(String path, String body, int success) {
		return of("PATCH", path, body, success);
	}

	static ApiEndpoint put(String path, String body, int success) {
		return of("PUT", path, body, success);
	}

	static ApiEndpoint delete(String path) {
		return of("DELETE", path, null, 204);
	}

	private static ApiEndpoint of(String method, String path, @Nullable String body, int success) {
		return new ApiEndpoint(method, path, body, "application/json", success, success, Set.of(), Set.of(), false,
				(fixtures) -> Map.of());
	}

	/**
	 * Permitted with any of these application permissions, and for a delegated caller
	 * with any of these roles.
	 * @param permissions application permission names
	 * @param roles directory roles
	 * @return the changed row
	 */
	ApiEndpoint allowing(Set<String> permissions, Set<DirectoryRole> roles) {
		return new ApiEndpoint(this.method, this.path, this.body, this.contentType, this.success, this.appSuccess,
				Set.copyOf(permissions), roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles)), this.everyUser,
				this.setup);
	}

	ApiEndpoint forEveryUser(int appSuccess) {
		return new ApiEndpoint(this.method, this.path, this.body, this.contentType, this.success, appSuccess,
				this.permissions, this.roles, true, this.setup);
	}

	ApiEndpoint withSetup(Function<Fixtures, Map<String, String>> setup) {
		return new ApiEndpoint(this.method, this.path, this.body, this.contentType, this.success, this.appSuccess,
				this.permissions, this.roles, this.everyUser, setup);
	}

	ApiEndpoint withContentType(String contentType) {
		return new ApiEndpoint(this.method, this.path, this.body, contentType, this.success, this.appSuccess,
				this.permissions, this.roles, this.everyUser, this.setup);
	}

	/**
	 * The status this caller should get.
	 * @param caller who calls
	 * @return 401, 403 or the success status
	 */
	int expectedFor(Caller caller) {
		if (caller instanceof Caller.App app) {
			return app.permissions().stream().anyMatch(this.permissions::contains) ? this.appSuccess : 403;
		}
		if (caller instanceof Caller.Delegated delegated) {
			boolean permitted = this.everyUser || (delegated.role() != null && this.roles.contains(delegated.role()));
			return permitted ? this.success : 403;
		}
		return 401;
	}

	@Override
	public String toString() {
		return this.method + " " + this.path;
	}

}
