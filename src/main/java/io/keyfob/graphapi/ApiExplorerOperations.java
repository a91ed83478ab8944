package io.keyfob.graphapi;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * Makes the API explorer readable without touching the controllers: each operation's
 * section is named in words ("Hardware OATH tokens", not
 * {@code hardware-oath-devices-controller}), and a GET that reads its OData query options
 * from a map of request parameters shows them as the named parameters they are
 * ({@code $filter}, {@code $select}, {@code $top}, {@code $count}, {@code $skiptoken}),
 * so the explorer never sends a made-up {@code additionalProp1}. The seed file upload,
 * which reads its options from the same kind of map, shows them as the multipart fields
 * they are.
 */
@Component
final class ApiExplorerOperations implements OperationCustomizer {

	private static final Map<String, String> SECTIONS = Map.ofEntries(
			Map.entry("HardwareOathDevicesController", "Hardware OATH tokens (inventory)"),
			Map.entry("HardwareOathMethodsController", "Users' hardware OATH methods"),
			Map.entry("HardwareOathPolicyController", "Hardware OATH method policy"),
			Map.entry("SeedImportsController", "Seed file imports"),
			Map.entry("InventoryExportController", "Inventory export"),
			Map.entry("AuditLogsController", "Audit and sign-in logs"),
			Map.entry("VerifyController", "Code verification"), Map.entry("ClientsController", "App registrations"),
			Map.entry("UsersController", "Users"), Map.entry("UserImportController", "User import"),
			Map.entry("GroupsController", "Groups"), Map.entry("RoleManagementController", "Directory roles"));

	private static final Map<String, String> UPLOAD_FIELDS = new java.util.LinkedHashMap<>();

	static {
		UPLOAD_FIELDS.put("format",
				"The file's format, if not to be detected: entraCsv, vendorCsv, privacyIdeaCsv or pskc");
		UPLOAD_FIELDS.put("secretEncoding", "hex when the file's secrets are hex, not Base32");
		UPLOAD_FIELDS.put("password", "The password of an encrypted PSKC file");
		UPLOAD_FIELDS.put("psk", "The pre-shared key of an encrypted PSKC file, in hex");
		UPLOAD_FIELDS.put("macCheck", "rejectKey (the default), rejectFile or skip: what a failed PSKC MAC rejects");
		UPLOAD_FIELDS.put("manufacturer", "The manufacturer of every token the file leaves without one");
		UPLOAD_FIELDS.put("model", "The model of every token the file leaves without one");
		UPLOAD_FIELDS.put("dryRun", "true checks the file and stores nothing");
		UPLOAD_FIELDS.put("allOrNothing", "true stores nothing when any row is rejected");
		UPLOAD_FIELDS.put("replace", "true replaces unassigned tokens with the same serial number");
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		operation.setTags(List.of(section(handler.getBeanType().getSimpleName())));
		if (readsQueryMap(handler)) {
			List<Parameter> kept = (operation.getParameters() != null) ? operation.getParameters()
				.stream()
				.filter((parameter) -> !"parameters".equals(parameter.getName()))
				.toList() : List.of();
			operation.setParameters(kept.isEmpty() ? null : new java.util.ArrayList<>(kept));
			if (handler.hasMethodAnnotation(GetMapping.class)) {
				addQueryOptions(operation, isCollection(handler));
			}
			else {
				addUploadFields(operation);
			}
		}
		return operation;
	}

	private static void addUploadFields(Operation operation) {
		RequestBody body = operation.getRequestBody();
		MediaType multipart = (body != null && body.getContent() != null)
				? body.getContent().get(org.springframework.http.MediaType.MULTIPART_FORM_DATA_VALUE) : null;
		if (multipart == null || multipart.getSchema() == null) {
			return;
		}
		Schema<?> fields = multipart.getSchema();
		UPLOAD_FIELDS
			.forEach((name, description) -> fields.addProperty(name, new StringSchema().description(description)));
	}

	static String section(String controller) {
		String known = SECTIONS.get(controller);
		if (known != null) {
			return known;
		}
		String words = controller.replaceAll("Controller$", "").replaceAll("([a-z])([A-Z])", "$1 $2");
		return words.substring(0, 1) + words.substring(1).toLowerCase(Locale.ROOT);
	}

	private static boolean readsQueryMap(HandlerMethod handler) {
		for (MethodParameter parameter : handler.getMethodParameters()) {
			if (parameter.hasParameterAnnotation(RequestParam.class)
					&& Map.class.isAssignableFrom(parameter.getParameterType())) {
				return true;
			}
		}
		return false;
	}

	private static boolean isCollection(HandlerMethod handler) {
		GetMapping mapping = handler.getMethodAnnotation(GetMapping.class);
		String[] paths = (mapping != null) ? ((mapping.value().length > 0) ? mapping.value() : mapping.path())
				: new String[0];
		return paths.length == 0 || !paths[0].endsWith("}");
	}

	private static void addQueryOptions(Operation operation, boolean collection) {
		operation.addParametersItem(query("$select",
				"Properties to return, comma separated, for example id,serialNumber,status", new StringSchema()));
		if (!collection) {
			return;
		}
		operation
			.addParametersItem(query("$filter",
					"OData filter: eq, ne, and, or and startswith(property,'text'), "
							+ "for example status eq 'available' and startswith(serialNumber,'KF')",
					new StringSchema()));
		operation.addParametersItem(query("$top", "Items per page: 1 to 999 (default 100)",
				new IntegerSchema().minimum(java.math.BigDecimal.ONE).maximum(java.math.BigDecimal.valueOf(999))));
		operation.addParametersItem(
				query("$count", "true adds @odata.count, the number of matching items", new BooleanSchema()));
		operation.addParametersItem(query("$skiptoken",
				"The next page's token: copy it from the @odata.nextLink of the previous answer", new StringSchema()));
	}

	private static Parameter query(String name, String description, io.swagger.v3.oas.models.media.Schema<?> schema) {
		return new Parameter().in("query").name(name).description(description).required(false).schema(schema);
	}

}
