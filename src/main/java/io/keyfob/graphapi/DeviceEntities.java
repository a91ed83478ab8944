package io.keyfob.graphapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.keyfob.authmethod.HardwareOathMethods;
import io.keyfob.authmethod.MethodLock;
import io.keyfob.directory.Directory;
import io.keyfob.token.HardwareOathToken;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Devices as response bodies: the representation with the names of holders and blockers
 * and the locks of held tokens, read with two queries per page however many tokens it
 * has.
 */
@Component
final class DeviceEntities {

	private static final String CONTEXT = "directory/authenticationMethodDevices/hardwareOathDevices";

	private final Directory directory;

	private final HardwareOathMethods methods;

	DeviceEntities(Directory directory, HardwareOathMethods methods) {
		this.directory = directory;
		this.methods = methods;
	}

	Map<String, @Nullable Object> entity(HardwareOathToken token, Set<String> select) {
		Map<String, @Nullable Object> body = new LinkedHashMap<>();
		body.put("@odata.context", context(select, true));
		body.putAll(holders(List.of(token)).represent(token, select));
		return body;
	}

	// who holds the tokens of a page and whether their methods are locked: two queries
	// per page, however many tokens are assigned
	Holders holders(List<HardwareOathToken> tokens) {
		Set<UUID> assigned = new HashSet<>();
		List<UUID> assignedTokens = new ArrayList<>();
		for (HardwareOathToken token : tokens) {
			if (token.block() != null && token.block().blockedByUserId() != null) {
				assigned.add(token.block().blockedByUserId());
			}
			if (token.assignedTo() != null) {
				assigned.add(token.assignedTo());
				assignedTokens.add(token.id());
			}
		}
		if (assigned.isEmpty()) {
			return new Holders(Map.of(), Map.of());
		}
		return new Holders(this.directory.displayNames(assigned),
				assignedTokens.isEmpty() ? Map.of() : this.methods.locks(assignedTokens));
	}

	record Holders(Map<UUID, String> names, Map<UUID, MethodLock> locks) {

		Map<String, @Nullable Object> represent(HardwareOathToken token, Set<String> select) {
			MethodLock lock = this.locks.get(token.id());
			return DeviceRepresentation.of(token, this.names, select, (lock != null) ? lock.lockedUntil() : null);
		}

	}

	static String context(Set<String> select, boolean entity) {
		String base = ServletUriComponentsBuilder.fromCurrentContextPath().path("/beta/$metadata").toUriString();
		String selected = select.isEmpty() ? "" : "(" + String.join(",", select) + ")";
		return base + "#" + CONTEXT + selected + (entity ? "/$entity" : "");
	}

}
