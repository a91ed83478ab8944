package io.keyfob.seedimport.pskc;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.keyfob.seedimport.MacCheck;
import io.keyfob.seedimport.ReadOptions;
import io.keyfob.seedimport.RowError;
import io.keyfob.seedimport.SeedFileEntry;
import io.keyfob.seedimport.SeedFileRejected;
import io.keyfob.seedimport.SeedFileRejected.Problem;
import io.keyfob.seedimport.SeedRecord;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

/**
 * Reads PSKC files (RFC 6030): plain, encrypted with a pre-shared AES key or with a
 * password (PBKDF2), with MAC checks. For the seed import module's own use.
 * <p>
 * Outcomes beyond single key packages: a file in which no encrypted value opens was given
 * the wrong key or password, and is rejected as such rather than reported as a list of
 * MAC failures; with {@link MacCheck#REJECT_FILE} one MAC failure rejects the file.
 */
public final class PskcSeedReader {

	/**
	 * The message for a wrong key or password, the same whichever check noticed: the MAC
	 * key's padding, or every value's MAC.
	 */
	static final String WRONG_KEY = "The key or password is wrong: it does not decrypt this file";

	private PskcSeedReader() {
	}

	/**
	 * Reads every key package of a PSKC file.
	 * @param in the file's bytes; not closed
	 * @param options the key or password and the MAC check
	 * @param sink receives each record, row error and warning, in file order, once the
	 * whole file has been checked
	 * @throws IOException if reading fails
	 * @throws SeedFileRejected if the file is not safe, well-formed PSKC, a key is
	 * missing or wrong, or it uses what Keyfob does not support
	 */
	public static void read(InputStream in, ReadOptions options, Consumer<SeedFileEntry> sink) throws IOException {
		Element container = SafeXml.parse(in).getDocumentElement();
		checkContainer(container);
		List<SeedFileEntry> entries = new ArrayList<>();
		try (ContainerKeys keys = ContainerKeys.of(container, options)) {
			KeyPackageReader reader = new KeyPackageReader(keys);
			int number = 0;
			for (Element keyPackage : Dom.children(container, Pskc.NS, "KeyPackage")) {
				entries.addAll(reader.read(keyPackage, ++number));
			}
			checkOutcome(keys, reader.firstMacFailure(), options.macCheck());
			entries.forEach(sink);
		}
		catch (RuntimeException ex) {
			// nothing from a rejected file may keep a secret in memory
			clearRecords(entries);
			throw ex;
		}
	}

	private static void checkContainer(Element container) {
		String namespace = container.getNamespaceURI();
		if (Pskc.DRAFT_NS.equals(namespace)) {
			throw new SeedFileRejected(Problem.UNSUPPORTED, "This PSKC file uses a pre-RFC draft format (namespace "
					+ Pskc.DRAFT_NS + "), which Keyfob does not read: ask the vendor for an RFC 6030 file");
		}
		if (!Pskc.NS.equals(namespace) || !"KeyContainer".equals(container.getLocalName())) {
			throw new SeedFileRejected(Problem.UNKNOWN_FORMAT,
					"This XML file is not PSKC: expected a KeyContainer " + "element in the namespace " + Pskc.NS);
		}
		String version = Dom.attribute(container, "Version");
		if (version != null && !version.equals("1.0")) {
			throw new SeedFileRejected(Problem.UNSUPPORTED, "PSKC version " + KeyData.quote(version)
					+ " is not supported: Keyfob reads version 1.0 (RFC 6030)");
		}
	}

	private static void checkOutcome(@Nullable ContainerKeys keys, @Nullable RowError firstMacFailure,
			MacCheck macCheck) {
		if (keys != null && keys.nothingOpened()) {
			throw new SeedFileRejected(Problem.WRONG_KEY, WRONG_KEY);
		}
		if (firstMacFailure != null && macCheck == MacCheck.REJECT_FILE) {
			throw new SeedFileRejected(Problem.MAC_FAILED,
					firstMacFailure.message() + "; nothing is imported from a file that fails a MAC check");
		}
	}

	private static void clearRecords(List<SeedFileEntry> entries) {
		entries.stream().filter(SeedRecord.class::isInstance).forEach((entry) -> ((SeedRecord) entry).clear());
	}

}
