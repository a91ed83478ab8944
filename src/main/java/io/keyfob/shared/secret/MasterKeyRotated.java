package io.keyfob.shared.secret;

import java.util.Map;
import java.util.Set;

/**
 * Every sealed secret was re-wrapped under the current master key, and the earlier keys
 * were retired. Names key ids only, never a key.
 *
 * @param currentKeyId the id of the key that now seals everything
 * @param resealed how many secrets were re-wrapped, by table
 * @param retiredKeyIds the ids of the keys no longer needed
 */
public record MasterKeyRotated(String currentKeyId, Map<String, Long> resealed, Set<String> retiredKeyIds) {
}
