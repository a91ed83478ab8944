package io.keyfob.seedimport;

/**
 * What a PSKC reader does with the {@code ValueMAC} of each encrypted value (RFC 6030
 * §6.1.1). AES-CBC alone does not detect a changed file or a wrong key reliably; the MAC
 * does.
 */
public enum MacCheck {

	/**
	 * Checks every MAC; a key whose MAC fails, or that has none, becomes a row error and
	 * the other keys are read. The default.
	 */
	REJECT_KEY,

	/**
	 * Checks every MAC; any failure rejects the whole file, so nothing is imported from a
	 * file that was tampered with (privacyIDEA's {@code check_fail_hard}).
	 */
	REJECT_FILE,

	/**
	 * Does not check MACs. Only for files known to carry wrong MACs: a wrong key then
	 * shows only as a padding error, and about one value in sixteen decrypts to a wrong
	 * secret that looks valid.
	 */
	SKIP

}
