/**
 * The admin center: dashboard, token inventory, seed-file upload, users' methods, the
 * hardware OATH policy and the audit log, each page showing what the admin's roles allow.
 */
@NullMarked
package io.keyfob.portal.admin;

import org.jspecify.annotations.NullMarked;
