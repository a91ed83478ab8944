package io.keyfob.graphapi;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import io.keyfob.authmethod.Actor;
import io.keyfob.authmethod.HardwareOathAssignments;
import io.keyfob.directory.Directory;
import io.keyfob.shared.KeyfobException;
import io.keyfob.token.DuplicateSerialNumberException;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.TokenCreation;
import io.keyfob.token.TokenInventory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.stereotype.Component;

/**
 * The bulk upload (Graph: an OData delta payload, {@code {"@context": "#$delta", "value":
 * [...]}}): every item is read and stored on its own, and the answer lists each item's
 * {@code @contentId} with the stored device or an inline {@code error}. Items without
 * {@code assignTo} are stored together in one batch; items with it are created and
 * assigned one by one.
 */
@Component
class DeviceUpload {

	static final String DELTA = "#$delta";

	private final TokenInventory inventory;

	private final HardwareOathAssignments assignments;

	private final Directory directory;

	DeviceUpload(TokenInventory inventory, HardwareOathAssignments assignments, Directory directory) {
		this.inventory = inventory;
		this.assignments = assignments;
		this.directory = directory;
	}

	/**
	 * Whether a request body is a delta payload.
	 * @param body the body
	 * @return {@code true} if it has {@code "@context": "#$delta"}
	 */
	static boolean isDelta(JsonNode body) {
		JsonNode context = body.get("@context");
		return context != null && context.isString() && DELTA.equals(context.stringValue());
	}

	/**
	 * The items of a delta payload, checked for shape and count before anything is
	 * stored.
	 * @param body the body
	 * @return the items
	 * @throws GraphRequestException if there is no {@code value} array or it is too long
	 */
	static List<JsonNode> items(JsonNode body) {
		JsonNode value = body.get("value");
		if (!body.isObject() || value == null || !value.isArray()) {
			throw GraphRequestException.invalidBody("A bulk upload is {\"@context\": \"#$delta\", \"value\": [...]} "
					+ "with one object per device in value.");
		}
		if (value.size() > TokenInventory.MAX_BULK_ITEMS) {
			throw GraphRequestException
				.invalidBody("This request has " + value.size() + " devices; a bulk upload takes at most "
						+ TokenInventory.MAX_BULK_ITEMS + ". Split it into several requests.");
		}
		return List.copyOf(value.values());
	}

	/**
	 * Whether any item asks to assign its device to a user.
	 * @param items the items
	 * @return {@code true} if one has {@code assignTo}
	 */
	static boolean anyAssigns(List<JsonNode> items) {
		return items.stream().anyMatch((item) -> item.has("assignTo") && !item.get("assignTo").isNull());
	}

	/**
	 * Store the items.
	 * @param items the items, as {@link #items} returned them
	 * @param actors who assigns, for each user a device is assigned to
	 * @return one result object per item, in order
	 */
	List<Map<String, @Nullable Object>> upload(List<JsonNode> items, Function<UUID, Actor> actors) {
		Object[] outcomes = new Object[items.size()];
		Map<Integer, NewHardwareOathToken> batch = new LinkedHashMap<>();
		Map<Integer, NewHardwareOathToken> toAssign = new LinkedHashMap<>();
		Map<Integer, UUID> assignees = new HashMap<>();
		Set<String> serialKeys = new HashSet<>();
		for (int i = 0; i < items.size(); i++) {
			try {
				JsonNode item = items.get(i);
				refuseChangesAndRemovals(item);
				NewHardwareOathToken command = DeviceRequests.newDevice(item);
				UUID assignee = DeviceRequests.assignTo(item);
				if (command.serialKey() != null && !serialKeys.add(command.serialKey())) {
					command.secret().destroy();
					throw DuplicateSerialNumberException.inRequest(command.serialNumber().strip());
				}
				if (assignee != null) {
					toAssign.put(i, command);
					assignees.put(i, assignee);
				}
				else {
					batch.put(i, command);
				}
			}
			catch (KeyfobException ex) {
				outcomes[i] = ex;
			}
		}
		List<Integer> order = new ArrayList<>(batch.keySet());
		List<TokenCreation> created = this.inventory.createAll(new ArrayList<>(batch.values()));
		for (int k = 0; k < order.size(); k++) {
			TokenCreation creation = created.get(k);
			outcomes[order.get(k)] = (creation instanceof TokenCreation.Created c) ? c.token()
					: ((TokenCreation.Refused) creation).reason();
		}
		toAssign.forEach((i, command) -> {
			try {
				outcomes[i] = this.assignments
					.createAndAssign(actors.apply(assignees.get(i)), assignees.get(i), command)
					.device();
			}
			catch (KeyfobException ex) {
				outcomes[i] = ex;
			}
			finally {
				command.secret().destroy();
			}
		});
		return results(items, outcomes);
	}

	private List<Map<String, @Nullable Object>> results(List<JsonNode> items, Object[] outcomes) {
		Set<UUID> assigned = new HashSet<>();
		for (Object outcome : outcomes) {
			if (outcome instanceof HardwareOathToken token && token.assignedTo() != null) {
				assigned.add(token.assignedTo());
			}
		}
		Map<UUID, String> displayNames = assigned.isEmpty() ? Map.of() : this.directory.displayNames(assigned);
		List<Map<String, @Nullable Object>> results = new ArrayList<>();
		for (int i = 0; i < outcomes.length; i++) {
			Map<String, @Nullable Object> result = new LinkedHashMap<>();
			String contentId = contentId(items.get(i));
			if (contentId != null) {
				result.put("@contentId", contentId);
			}
			if (outcomes[i] instanceof HardwareOathToken token) {
				result.putAll(DeviceRepresentation.of(token, displayNames, Set.of()));
			}
			else {
				KeyfobException error = (KeyfobException) outcomes[i];
				result.put("error", Map.of("code", error.code(), "message", error.getMessage()));
			}
			results.add(result);
		}
		return results;
	}

	private static void refuseChangesAndRemovals(JsonNode item) {
		if (item.isObject() && item.has("@removed")) {
			throw GraphRequestException.invalidBody(
					"A bulk upload only creates devices; remove one with DELETE " + "on /hardwareOathDevices/{id}.");
		}
	}

	private static @Nullable String contentId(JsonNode item) {
		JsonNode contentId = item.get("@contentId");
		if (contentId == null || contentId.isNull() || contentId.isContainer()) {
			return null;
		}
		return contentId.asString();
	}

}
