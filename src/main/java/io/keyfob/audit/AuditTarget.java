package io.keyfob.audit;

import org.jspecify.annotations.Nullable;

/**
 * What an audited action acted on (Graph: {@code targetResource}).
 *
 * @param id the object's id
 * @param type the object's type, for example {@code Device}, {@code User}, {@code Group}
 * @param displayName a readable name, such as a serial number or a principal name
 */
public record AuditTarget(String id, String type, @Nullable String displayName) {

	public static final String DEVICE = "Device";

	public static final String USER = "User";

	public static final String GROUP = "Group";

	public static final String ROLE = "Role";

	public static final String POLICY = "Policy";

	public static final String APPLICATION = "Application";

	public static final String OTHER = "Other";

}
