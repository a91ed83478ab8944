package io.keyfob.audit;

/**
 * One further fact about an audited action (Graph: {@code keyValue} in
 * {@code additionalDetails}). Never a secret or a code.
 *
 * @param key the name
 * @param value the value
 */
public record AuditDetail(String key, String value) {
}
