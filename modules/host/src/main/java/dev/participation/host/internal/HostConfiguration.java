package dev.participation.host.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** The embedded portal's settings, one PID for every host component that needs any of them. */
@ObjectClassDefinition(id = HostConfiguration.PID, name = "Participation portal",
        description = "The embedded portal's public site, sign-in and intranet")
public @interface HostConfiguration {

    String PID = "dev.participation.host";

    @AttributeDefinition(name = "Site name", description = "Shown in the header and in every page title")
    String siteName() default "Have your say";

    @AttributeDefinition(name = "Frame ancestors",
            description = "CSP frame-ancestors: who may show these pages in a frame ('self', 'none' or origins)")
    String frameAncestors() default "'self'";

    @AttributeDefinition(name = "Secure cookies",
            description = "auto: only when the request came over HTTPS; always: also behind a proxy that ends TLS",
            options = {@Option(value = "auto", label = "auto"), @Option(value = "always", label = "always")})
    String secureCookies() default "auto";

    @AttributeDefinition(name = "Trusted proxies",
            description = "Addresses or CIDR ranges of the reverse proxies in front of the portal. Only requests "
                    + "from these may say, in Forwarded or X-Forwarded-For and X-Forwarded-Proto, who the visitor "
                    + "is and whether they came over HTTPS. Empty: nobody.")
    String[] trustedProxies() default {};

    @AttributeDefinition(name = "HSTS max age (seconds)",
            description = "Strict-Transport-Security on HTTPS responses, telling browsers to use HTTPS only for "
                    + "this long; 0 sends none", min = "0")
    int hstsMaxAgeSeconds() default 0;

    @AttributeDefinition(name = "Languages",
            description = "Language tags the site is written in, the default first; pages are served in the best match")
    String[] languages() default {"en-GB"};
}
