package io.keyfob.seedimport;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import io.keyfob.directory.User;
import io.keyfob.seedimport.ImportCandidate.Action;
import io.keyfob.token.HardwareOathToken;
import io.keyfob.token.InvalidTokenException;
import io.keyfob.token.NewHardwareOathToken;
import io.keyfob.token.OtpType;
import io.keyfob.token.TokenInventory;
import io.keyfob.token.TokenSecret;
import io.keyfob.token.TokenValidity;
import org.jspecify.annotations.Nullable;

/**
 * Checks a file's tokens before anything is stored: the inventory's rules for each token,
 * the users the file names, and the serial numbers already in the inventory. Decides for
 * each token what storing it means (create, replace, assign, nothing) or why it is
 * rejected. Writes nothing.
 */
final class ImportValidation {

	private final TokenInventory inventory;

	private final Owners owners;

	private final SeedImportRequest request;

	private final SeedFileFormat format;

	private final RunReport report;

	ImportValidation(TokenInventory inventory, Owners owners, SeedImportRequest request, SeedFileFormat format,
			RunReport report) {
		this.inventory = inventory;
		this.owners = owners;
		this.request = request;
		this.format = format;
		this.report = report;
	}

	/**
	 * Checks one chunk of records, in file order. Each record's secret moves into its
	 * candidate and is overwritten in the record.
	 * @param records the records
	 * @return one candidate per record
	 */
	List<ImportCandidate> check(List<SeedRecord> records) {
		List<ImportCandidate> candidates = new ArrayList<>(records.size());
		for (SeedRecord record : records) {
			candidates.add(candidate(record));
		}
		resolveOwners(candidates);
		compareWithInventory(candidates);
		allotAssignments(candidates);
		return candidates;
	}

	private ImportCandidate candidate(SeedRecord record) {
		TokenSecret secret;
		try {
			secret = TokenSecret.of(record.secret());
		}
		finally {
			record.clear();
		}
		boolean totp = record.otpType() == io.keyfob.seedimport.SeedOtpType.TOTP;
		NewHardwareOathToken command = new NewHardwareOathToken(record.serialNumber(), record.displayName(),
				orDefault(record.manufacturer(), this.request.manufacturer()),
				orDefault(record.model(), this.request.model()), secret, totp ? OtpType.TOTP : OtpType.HOTP,
				record.hashFunction(), record.digits(), totp ? record.timeIntervalSeconds() : null, record.counter(),
				record.driftSteps())
			.withValidity(new TokenValidity(record.validFrom(), record.validUntil()));
		ImportCandidate candidate = new ImportCandidate(record.location(), command, record.owner());
		try {
			this.inventory.validate(command);
		}
		catch (InvalidTokenException ex) {
			this.report.reject(candidate, reason(ex, command));
		}
		return candidate;
	}

	private void resolveOwners(List<ImportCandidate> candidates) {
		for (ImportCandidate candidate : candidates) {
			String owner = candidate.owner();
			if (candidate.rejected() || owner == null) {
				continue;
			}
			Optional<User> user = this.owners.find(owner);
			if (user.isPresent()) {
				candidate.ownedBy(user.get().id());
			}
			else if (this.format == SeedFileFormat.PSKC) {
				this.report.warn(candidate,
						"UserId '" + owner + "' names no user of this directory: the token is imported unassigned");
			}
			else {
				this.report.reject(candidate, "no user has the " + ownerColumn() + " '" + owner
						+ "': create the user first, or correct the file");
			}
		}
	}

	private void compareWithInventory(List<ImportCandidate> candidates) {
		List<ImportCandidate> live = candidates.stream().filter((candidate) -> !candidate.rejected()).toList();
		if (live.isEmpty()) {
			return;
		}
		Map<String, HardwareOathToken> existing = this.inventory
			.findBySerialNumbers(live.stream().map(ImportCandidate::serialNumber).toList());
		Map<UUID, TokenSecret> seeds = new HashMap<>();
		for (ImportCandidate candidate : live) {
			HardwareOathToken token = existing.get(candidate.serialKey());
			if (token != null) {
				seeds.put(token.id(), candidate.command().secret());
			}
		}
		Set<UUID> sameSeed = seeds.isEmpty() ? Set.of() : this.inventory.withSameSeed(seeds);
		for (ImportCandidate candidate : live) {
			HardwareOathToken token = existing.get(candidate.serialKey());
			if (token != null) {
				decide(candidate, token, sameSeed.contains(token.id()));
			}
		}
	}

	private void decide(ImportCandidate candidate, HardwareOathToken token, boolean sameSeed) {
		String serial = candidate.serialNumber();
		String differences = TokenComparison.differences(token, candidate.command());
		if (sameSeed && differences == null) {
			String details = TokenComparison.detailDifferences(token, candidate.command());
			if (details != null) {
				this.report.warn(candidate, "already in the inventory with " + details
						+ ": the inventory keeps its values; change them through the API if needed");
			}
			UUID owner = candidate.ownerId();
			if (owner == null || owner.equals(token.assignedTo())) {
				candidate.decide(Action.UNCHANGED, token);
			}
			else if (token.assignedTo() == null) {
				candidate.decide(Action.ASSIGN, token);
			}
			else {
				this.report.reject(candidate, "serial " + serial + " is already assigned to another user: unassign it "
						+ "first to assign it to " + candidate.owner());
				return;
			}
			renewValidity(candidate, token);
		}
		else if (!this.request.replace()) {
			this.report.reject(candidate,
					"serial " + serial + " is already in the inventory with "
							+ (sameSeed ? "other settings (" + differences + ")" : "a different secret")
							+ ": import with replace to overwrite it, only possible while the token is unassigned");
		}
		else if (token.assignedTo() != null) {
			this.report.reject(candidate, "serial " + serial + " is assigned to a user, so replace cannot overwrite "
					+ "it: unassign the token first, then import the file again");
		}
		else {
			candidate.decide(Action.REPLACE, token);
		}
	}

	/**
	 * A vendor's renewed file: the token is already here with this very secret (compared
	 * in constant time by the inventory, which never hands a seed out) and the same
	 * settings, so the dates the file gives replace the inventory's, whatever the token's
	 * status. A date the file leaves out is kept. A different secret never gets here: it
	 * is refused, or replaced only on request and only while unassigned.
	 */
	private void renewValidity(ImportCandidate candidate, HardwareOathToken token) {
		TokenValidity stored = token.validity();
		TokenValidity file = candidate.command().validity();
		TokenValidity renewed;
		try {
			renewed = new TokenValidity((file.validFrom() != null) ? file.validFrom() : stored.validFrom(),
					(file.validUntil() != null) ? file.validUntil() : stored.validUntil());
		}
		catch (InvalidTokenException ex) {
			this.report.reject(candidate, "the file's dates with the inventory's make no window (" + ex.getMessage()
					+ "): give both dates in the file, or change them through the API");
			return;
		}
		if (!renewed.equals(stored)) {
			candidate.changeValidity(renewed);
			this.report.warn(candidate,
					"already in the inventory with the same secret: its validity is taken from the file ("
							+ window(stored) + " before, " + window(renewed) + " now); secret and settings are kept");
		}
	}

	private static String window(TokenValidity validity) {
		return "valid from " + ((validity.validFrom() != null) ? validity.validFrom() : "any time") + " until "
				+ ((validity.validUntil() != null) ? validity.validUntil() : "no end");
	}

	private void allotAssignments(List<ImportCandidate> candidates) {
		for (ImportCandidate candidate : candidates) {
			UUID ownerId = candidate.ownerId();
			if (ownerId != null && candidate.assigns()) {
				String refusal = this.owners.claim(ownerId, Objects.requireNonNull(candidate.owner()));
				if (refusal != null) {
					this.report.reject(candidate, refusal);
				}
			}
		}
	}

	private String ownerColumn() {
		return switch (this.format) {
			case PRIVACYIDEA_CSV -> "user name";
			case PSKC -> "UserId";
			default -> "user principal name (upn)";
		};
	}

	private static String reason(InvalidTokenException ex, NewHardwareOathToken command) {
		if (ex.property().equals("manufacturer") && isBlank(command.manufacturer())) {
			return "the file names no manufacturer for this token: add it to the file, or give one for the whole "
					+ "file with " + OptionNames.MANUFACTURER;
		}
		if (ex.property().equals("model") && isBlank(command.model())) {
			return "the file names no model for this token: add it to the file, or give one for the whole file "
					+ "with " + OptionNames.MODEL;
		}
		return ex.getMessage();
	}

	private static @Nullable String orDefault(@Nullable String value, @Nullable String fallback) {
		return isBlank(value) ? fallback : value;
	}

	private static boolean isBlank(@Nullable String value) {
		return value == null || value.isBlank();
	}

}
