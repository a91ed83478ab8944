package io.keyfob.portal.web;

/**
 * What an admin may see and do in the admin center. Derived from the user's directory
 * roles through the same permission table as the Graph API, so a page never offers what
 * the API would refuse.
 */
public enum AdminRight {

	/** See the token inventory and a token's details. */
	READ_INVENTORY,

	/** Upload seed files, delete tokens, reset drift. */
	MANAGE_INVENTORY,

	/** See users and their methods. */
	READ_METHODS,

	/** Assign, activate, unassign, deactivate, unlock and resync users' tokens. */
	MANAGE_METHODS,

	/** Create users. */
	MANAGE_USERS,

	/** See the hardware OATH and Temporary Access Pass policies. */
	READ_POLICY,

	/** Change the hardware OATH and Temporary Access Pass policies. */
	MANAGE_POLICY,

	/** Read the audit log. */
	READ_AUDIT,

	/** See RADIUS clients (as app registrations: Application.Read.All). */
	READ_RADIUS_CLIENTS,

	/** Register and delete RADIUS clients (Application.ReadWrite.All). */
	MANAGE_RADIUS_CLIENTS

}
