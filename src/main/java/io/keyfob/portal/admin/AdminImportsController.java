package io.keyfob.portal.admin;

import java.io.IOException;
import java.io.InputStream;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;

import io.keyfob.portal.web.AdminRight;
import io.keyfob.portal.web.FormProblems;
import io.keyfob.portal.web.PortalUser;
import io.keyfob.seedimport.Importer;
import io.keyfob.seedimport.OptionNames;
import io.keyfob.seedimport.SecretEncoding;
import io.keyfob.seedimport.SeedImportJob;
import io.keyfob.seedimport.SeedImportRequest;
import io.keyfob.seedimport.SeedImports;
import io.keyfob.shared.KeyfobException;
import org.jspecify.annotations.Nullable;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Seed-file upload: the form (file, password or pre-shared key of an encrypted PSKC file,
 * the secret encoding of a vendor CSV, the device of rows that name none, dry run,
 * all-or-nothing, replace), the job's page with a progress bar that htmx refreshes each
 * second (a page refresh without script), and the report once the job is done. Keys and
 * passwords go to the import and nowhere else: they are never put back into a page.
 */
@Controller
@RequestMapping("/admin/imports")
final class AdminImportsController {

	static final int RECENT = 10;

	private final SeedImports imports;

	AdminImportsController(SeedImports imports) {
		this.imports = imports;
	}

	@GetMapping
	String form(PortalUser me, Model model) {
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		return form(model, new FormProblems(), "", "", false, false, false, false);
	}

	@PostMapping
	String upload(PortalUser me, @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
			@RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String preSharedKey,
			@RequestParam(defaultValue = "") String manufacturer, @RequestParam(defaultValue = "") String model,
			@RequestParam(defaultValue = "false") boolean dryRun,
			@RequestParam(defaultValue = "false") boolean allOrNothing,
			@RequestParam(defaultValue = "false") boolean replace,
			@RequestParam(defaultValue = "base32") String secretEncoding, Model page) {
		boolean hexSecrets = secretEncoding.equals("hex");
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		FormProblems problems = new FormProblems();
		if (file == null || file.isEmpty()) {
			problems.add("file", "Choose the seed file to upload.");
			return form(page, problems, manufacturer, model, dryRun, allOrNothing, replace, hexSecrets);
		}
		SeedImportRequest request = SeedImportRequest.defaults()
			.withFileName(file.getOriginalFilename())
			.withDryRun(dryRun)
			.withAllOrNothing(allOrNothing)
			.withReplace(replace)
			.withSecretEncoding(hexSecrets ? SecretEncoding.HEX : SecretEncoding.BASE32)
			.withDevice(blankToNull(manufacturer), blankToNull(model));
		try {
			if (!password.isEmpty()) {
				request = request.withPassword(password.toCharArray());
			}
			if (!preSharedKey.isBlank()) {
				request = request.withPreSharedKeyHex(preSharedKey.strip());
			}
			SeedImportJob job;
			try (InputStream in = file.getInputStream()) {
				job = this.imports.start(in, request, new Importer(AdminUserController.actor(me),
						me.can(AdminRight.MANAGE_METHODS), OptionNames.PAGE));
			}
			return "redirect:/admin/imports/" + job.id();
		}
		catch (KeyfobException | IllegalArgumentException ex) {
			problems.add(field(ex), message(ex));
		}
		catch (IOException ex) {
			problems.add("file", "The file could not be read. Upload it again.");
		}
		return form(page, problems, manufacturer, model, dryRun, allOrNothing, replace, hexSecrets);
	}

	@GetMapping("/{jobId}")
	String job(PortalUser me, @PathVariable UUID jobId, Model model) {
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		model.addAttribute("job", this.imports.status(jobId));
		return "portal/admin/import";
	}

	/**
	 * The progress part of the job's page, for htmx. When the job is done, the whole page
	 * is loaded again to show the report.
	 */
	@GetMapping("/{jobId}/progress")
	String progress(PortalUser me, @PathVariable UUID jobId,
			@RequestHeader(name = "HX-Request", required = false) @Nullable String htmx, Model model,
			HttpServletResponse response) {
		AdminAccess.require(me, AdminRight.MANAGE_INVENTORY);
		SeedImportJob job = this.imports.status(jobId);
		if (htmx == null) {
			return "redirect:/admin/imports/" + jobId;
		}
		if (job.status().finished()) {
			response.setHeader("HX-Refresh", "true");
		}
		model.addAttribute("job", job);
		return "portal/admin/import :: progress";
	}

	private String form(Model model, FormProblems problems, String manufacturer, String deviceModel, boolean dryRun,
			boolean allOrNothing, boolean replace, boolean hexSecrets) {
		model.addAttribute("problems", problems);
		model.addAttribute("hexSecrets", hexSecrets);
		model.addAttribute("manufacturer", manufacturer);
		model.addAttribute("model", deviceModel);
		model.addAttribute("dryRun", dryRun);
		model.addAttribute("allOrNothing", allOrNothing);
		model.addAttribute("replace", replace);
		model.addAttribute("recent", this.imports.recent(RECENT));
		return "portal/admin/imports";
	}

	private static String field(RuntimeException ex) {
		if (ex instanceof KeyfobException refusal) {
			return switch (refusal.code()) {
				case "keyRequired", "wrongKey", "macCheckFailed" -> "password";
				default -> "file";
			};
		}
		return "preSharedKey";
	}

	private static String message(RuntimeException ex) {
		if (ex instanceof KeyfobException refusal && refusal.getMessage() != null) {
			// the import's refusals say what is wrong with the file, in words for people
			return refusal.getMessage();
		}
		return "Enter the pre-shared key as hexadecimal digits, for example 12345678901234567890123456789012.";
	}

	private static @Nullable String blankToNull(String text) {
		return text.isBlank() ? null : text.strip();
	}

}
