package io.keyfob.portal.web;

import java.util.Map;

import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.WebRequest;

/**
 * Adds the request id to what the error page may show, and keeps out the exception and
 * its message: error pages say what happened in general words only.
 */
@Component
final class PortalErrorAttributes extends DefaultErrorAttributes {

	@Override
	public Map<String, Object> getErrorAttributes(WebRequest webRequest, ErrorAttributeOptions options) {
		Map<String, Object> attributes = super.getErrorAttributes(webRequest,
				options.excluding(ErrorAttributeOptions.Include.MESSAGE, ErrorAttributeOptions.Include.EXCEPTION,
						ErrorAttributeOptions.Include.STACK_TRACE, ErrorAttributeOptions.Include.BINDING_ERRORS));
		Object id = webRequest.getAttribute(RequestIds.ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
		attributes.put("requestId", (id != null) ? id.toString() : "unknown");
		return attributes;
	}

}
