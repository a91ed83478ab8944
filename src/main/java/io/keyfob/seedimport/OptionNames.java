package io.keyfob.seedimport;

import java.util.Objects;

/**
 * How the channel that starts an import names its options, so that a message such as
 * "give one model for the whole file with the Model field" names what the person in front
 * of it can actually use: a form field on the upload page, a flag on the command line, a
 * parameter of the HTTP API.
 * <p>
 * The readers and checks write the channel-neutral phrases below; {@link #render} puts
 * the channel's names in their place before a message is stored or shown.
 *
 * @param password how to give the password of an encrypted PSKC file
 * @param preSharedKey how to give the pre-shared key of an encrypted PSKC file
 * @param hexEncoding how to say that a vendor CSV's secrets are hex
 * @param manufacturer how to give the manufacturer for the whole file
 * @param model how to give the model for the whole file
 */
public record OptionNames(String password, String preSharedKey, String hexEncoding, String manufacturer, String model) {

	public static final String PASSWORD = "the password option";

	public static final String PRE_SHARED_KEY = "the pre-shared key option";

	public static final String HEX_ENCODING = "the hex secret encoding option";

	public static final String MANUFACTURER = "the manufacturer option";

	public static final String MODEL = "the model option";

	/** The HTTP API's multipart fields ({@code POST /api/v1/seed-imports}). */
	public static final OptionNames API = new OptionNames("the 'password' field", "the 'psk' field (hex)",
			"'secretEncoding' hex", "the 'manufacturer' field", "the 'model' field");

	/** The upload page's form fields. */
	public static final OptionNames PAGE = new OptionNames("the Password field", "the Pre-shared key field (hex)",
			"Secret encoding: Hex", "the Manufacturer field", "the Model field");

	/** The {@code keyfob import} command's flags. */
	public static final OptionNames COMMAND_LINE = new OptionNames("--password-file FILE",
			"--psk HEX or --psk-file FILE", "--secret-encoding hex", "--manufacturer", "--model");

	public OptionNames {
		Objects.requireNonNull(password, "password must not be null");
		Objects.requireNonNull(preSharedKey, "preSharedKey must not be null");
		Objects.requireNonNull(hexEncoding, "hexEncoding must not be null");
		Objects.requireNonNull(manufacturer, "manufacturer must not be null");
		Objects.requireNonNull(model, "model must not be null");
	}

	/**
	 * Puts this channel's names in place of the neutral phrases.
	 * @param message a message of the import
	 * @return the message as this channel's user reads it
	 */
	public String render(String message) {
		return message.replace(PASSWORD, this.password)
			.replace(PRE_SHARED_KEY, this.preSharedKey)
			.replace(HEX_ENCODING, this.hexEncoding)
			.replace(MANUFACTURER, this.manufacturer)
			.replace(MODEL, this.model);
	}

}
