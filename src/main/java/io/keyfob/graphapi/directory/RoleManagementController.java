package io.keyfob.graphapi.directory;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.keyfob.directory.Directory;
import io.keyfob.directory.DirectoryAdministration;
import io.keyfob.directory.DirectoryRole;
import io.keyfob.directory.GraphPermission;
import io.keyfob.directory.RoleAssignment;
import io.keyfob.graphapi.QueryOptions;
import io.keyfob.shared.ErrorKind;
import io.keyfob.shared.KeyfobException;
import io.keyfob.shared.filter.Filter;
import io.keyfob.shared.filter.FilterParser;
import io.keyfob.shared.filter.FilterSchema;
import io.keyfob.shared.filter.FilterSchema.Field;
import io.keyfob.shared.filter.Operator;
import org.jspecify.annotations.Nullable;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graph's directory role management: the built-in role definitions and tenant-wide role
 * assignments ({@code directoryScopeId} {@code /}).
 */
@RestController
@RequestMapping("/beta/roleManagement/directory")
class RoleManagementController {

	private static final String PRINCIPAL_ID = "principalId";

	private static final String ROLE_DEFINITION_ID = "roleDefinitionId";

	private static final FilterSchema FILTER = FilterSchema.of(Field.guid(PRINCIPAL_ID).operators(Operator.EQ),
			Field.guid(ROLE_DEFINITION_ID).operators(Operator.EQ));

	private final Directory directory;

	private final DirectoryAdministration administration;

	RoleManagementController(Directory directory, DirectoryAdministration administration) {
		this.directory = directory;
		this.administration = administration;
	}

	@GetMapping("/roleDefinitions")
	@PreAuthorize("hasAnyAuthority('RoleManagement.Read.Directory', 'RoleManagement.ReadWrite.Directory')")
	OData.Collection<RoleDefinitionResource> definitions() {
		return OData.collection("roleManagement/directory/roleDefinitions",
				Arrays.stream(DirectoryRole.values()).map(RoleDefinitionResource::of).toList(), null);
	}

	@GetMapping("/roleAssignments")
	@PreAuthorize("hasAnyAuthority('RoleManagement.Read.Directory', 'RoleManagement.ReadWrite.Directory')")
	@QueryOptions({ "filter" })
	OData.Collection<RoleAssignmentResource> assignments(
			@RequestParam(name = "$filter", required = false) @Nullable String filter) {
		UUID principal = null;
		DirectoryRole role = null;
		if (filter != null) {
			Filter parsed = FilterParser.parse(filter, FILTER);
			List<Filter> conditions = (parsed instanceof Filter.All all) ? all.filters() : List.of(parsed);
			for (Filter condition : conditions) {
				if (!(condition instanceof Filter.Comparison comparison) || comparison.value() == null) {
					throw OData.badRequest("$filter: role assignments take principalId eq '...' and "
							+ "roleDefinitionId eq '...', joined with 'and'");
				}
				UUID value = (UUID) comparison.value();
				if (comparison.property().equals(PRINCIPAL_ID)) {
					principal = value;
				}
				else {
					role = role(value);
				}
			}
		}
		List<RoleAssignmentResource> value = this.directory.roleAssignments(principal, role)
			.stream()
			.map((assignment) -> RoleAssignmentResource.of(assignment, null))
			.toList();
		return OData.collection("roleManagement/directory/roleAssignments", value, null);
	}

	@GetMapping("/roleAssignments/{id}")
	@PreAuthorize("hasAnyAuthority('RoleManagement.Read.Directory', 'RoleManagement.ReadWrite.Directory')")
	RoleAssignmentResource assignment(@PathVariable UUID id) {
		return RoleAssignmentResource.of(find(id), entityContext());
	}

	@PostMapping("/roleAssignments")
	@PreAuthorize("hasAuthority('RoleManagement.ReadWrite.Directory')")
	ResponseEntity<RoleAssignmentResource> assign(@RequestBody NewRoleAssignment request) {
		if (request.principalId() == null || request.roleDefinitionId() == null) {
			throw OData.badRequest("Properties 'principalId' and 'roleDefinitionId' are required.");
		}
		if (request.directoryScopeId() != null && !RoleAssignment.DIRECTORY_SCOPE.equals(request.directoryScopeId())) {
			throw OData.badRequest("Keyfob assigns roles tenant-wide only: give 'directoryScopeId': '/'.");
		}
		RoleAssignment assignment = this.administration.assignRole(uuid(request.principalId(), "principalId"),
				role(uuid(request.roleDefinitionId(), "roleDefinitionId")));
		return ResponseEntity.created(OData.location("roleManagement/directory/roleAssignments/" + assignment.id()))
			.body(RoleAssignmentResource.of(assignment, entityContext()));
	}

	@DeleteMapping("/roleAssignments/{id}")
	@PreAuthorize("hasAuthority('RoleManagement.ReadWrite.Directory')")
	ResponseEntity<Void> remove(@PathVariable UUID id) {
		this.administration.removeRoleAssignment(find(id).id());
		return ResponseEntity.noContent().build();
	}

	private RoleAssignment find(UUID id) {
		return this.directory.findRoleAssignment(id)
			.orElseThrow(() -> new KeyfobException(ErrorKind.NOT_FOUND, "Request_ResourceNotFound",
					"Resource '" + id + "' does not exist."));
	}

	private static String entityContext() {
		return OData.context("roleManagement/directory/roleAssignments/$entity");
	}

	private static UUID uuid(String value, String property) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException ex) {
			throw OData.badRequest("Invalid value specified for property '" + property + "': give an object id.");
		}
	}

	private static DirectoryRole role(UUID roleDefinitionId) {
		return DirectoryRole.fromTemplateId(roleDefinitionId)
			.orElseThrow(() -> OData
				.badRequest("Keyfob knows these roleDefinitionIds: " + Arrays.stream(DirectoryRole.values())
					.map((r) -> r.templateId() + " (" + r.displayName() + ")")
					.collect(Collectors.joining(", ")) + "."));
	}

	/**
	 * The body of {@code POST /roleAssignments}.
	 *
	 * @param principalId the user
	 * @param roleDefinitionId the role template id
	 * @param directoryScopeId {@code /}, the default
	 */
	record NewRoleAssignment(@Nullable String principalId, @Nullable String roleDefinitionId,
			@Nullable String directoryScopeId) {
	}

	/**
	 * Graph's {@code unifiedRoleAssignment}.
	 *
	 * @param context the {@code @odata.context} of a single assignment
	 * @param id the id
	 * @param principalId the user
	 * @param roleDefinitionId the role template id
	 * @param directoryScopeId always {@code /}
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record RoleAssignmentResource(@JsonProperty("@odata.context") @Nullable String context, String id,
			String principalId, String roleDefinitionId, String directoryScopeId) {

		static RoleAssignmentResource of(RoleAssignment assignment, @Nullable String context) {
			return new RoleAssignmentResource(context, assignment.id().toString(), assignment.principalId().toString(),
					assignment.role().templateId().toString(), assignment.directoryScopeId());
		}

	}

	/**
	 * Graph's {@code unifiedRoleDefinition}, with Keyfob's permissions of the role.
	 *
	 * @param id the role template id
	 * @param templateId the same
	 * @param displayName the role's name
	 * @param isBuiltIn always {@code true}
	 * @param isEnabled always {@code true}
	 * @param permissions the Graph permissions the role gives delegated callers (a Keyfob
	 * extension)
	 */
	record RoleDefinitionResource(String id, String templateId, String displayName, boolean isBuiltIn,
			boolean isEnabled, List<String> permissions) {

		static RoleDefinitionResource of(DirectoryRole role) {
			return new RoleDefinitionResource(role.templateId().toString(), role.templateId().toString(),
					role.displayName(), true, true,
					role.permissions().stream().map(GraphPermission::scope).sorted().toList());
		}

	}

}
