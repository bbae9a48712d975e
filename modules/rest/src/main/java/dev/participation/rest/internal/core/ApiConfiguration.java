package dev.participation.rest.internal.core;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * What a system administrator can change about the JSON API. Every property of this configuration
 * also becomes a service property of the servlet that serves it (Jakarta or javax), so the standard
 * whiteboard properties (for example {@code osgi.http.whiteboard.context.select}) can be set through
 * the same PID when a host serves the API from its own servlet context.
 */
@ObjectClassDefinition(
        name = "Participation JSON API",
        description = "The read-only JSON API and its OpenAPI document: under /api/ in the embedded portal, "
                + "under /o/participation/api/ in Liferay.")
public @interface ApiConfiguration {

    @AttributeDefinition(
            name = "Default language",
            description = "BCP 47 language tag used when a request has no usable Accept-Language header, "
                    + "for example en-GB or cy-GB.")
    String defaultLanguage() default "en-GB";

    @AttributeDefinition(
            name = "Cache lifetime (seconds)",
            description = "How long browsers and proxies may reuse a successful response. 0 makes them "
                    + "check every time (no-cache); keep it short, published content changes.",
            min = "0",
            max = "3600")
    int maxAgeSeconds() default 0;
}
