/**
 * What the self-service pages and the admin center share: the signed-in user and their
 * rights, plain-language messages for refusals, dates, and the error page.
 */
@NullMarked
package io.keyfob.portal.web;

import org.jspecify.annotations.NullMarked;
