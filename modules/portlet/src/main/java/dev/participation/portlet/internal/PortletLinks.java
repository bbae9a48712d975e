package dev.participation.portlet.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.portlet.ActionResponse;
import javax.portlet.MimeResponse;
import javax.portlet.PortletMode;
import javax.portlet.PortletModeException;
import javax.portlet.PortletURL;
import javax.portlet.ResourceURL;

import dev.participation.api.widget.Links;
import dev.participation.kit.text.PlainText;

/**
 * The widget SPI's {@link Links} as portlet URLs: views are render URLs, forms post to action URLs
 * (which in Liferay carry the portal's {@code p_auth} token), assets are resource URLs.
 */
abstract class PortletLinks implements Links {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** Links while rendering: every URL is real. */
    static Links forRender(MimeResponse response, PortletMode formMode) {
        return new PortletLinks() {
            @Override
            Supplier<PortletURL> renderUrl() {
                return () -> response.createRenderURL(MimeResponse.Copy.NONE);
            }

            @Override
            public String action() {
                return actionUrl(response, formMode);
            }

            @Override
            public String asset(String path) {
                return assetUrl(response, path);
            }
        };
    }

    /**
     * Links while handling a post. An action response can make render URLs (for redirects) but no
     * action or resource URLs, yet a rejected form's view needs both. Those URLs are written as a
     * random placeholder that {@link #resolve} replaces when the view is rendered.
     */
    static Deferred deferred(ActionResponse response) {
        String marker = "pw-deferred-" + HexFormat.of().formatHex(randomBytes());
        return new Deferred(marker, new PortletLinks() {
            @Override
            Supplier<PortletURL> renderUrl() {
                return () -> response.createRedirectURL(MimeResponse.Copy.NONE);
            }

            @Override
            public String action() {
                return marker + "-action";
            }

            @Override
            public String asset(String path) {
                return marker + "-asset/" + path;
            }
        });
    }

    /** Links of a post, and the placeholder they use for URLs only a render can make. */
    record Deferred(String marker, Links links) {
    }

    /**
     * Replaces the placeholders of {@link #deferred} in HTML made while handling a post. The
     * placeholder is letters, digits and dashes, so HTML escaping left it as it was; the real URLs
     * are escaped as they go in.
     */
    static String resolve(String html, String marker, MimeResponse response, PortletMode formMode) {
        if (marker == null) {
            return html;
        }
        Matcher assets = Pattern.compile(Pattern.quote(marker) + "-asset/([A-Za-z0-9_./-]*)").matcher(html);
        StringBuilder out = new StringBuilder(html.length() + 256);
        while (assets.find()) {
            assets.appendReplacement(out, Matcher.quoteReplacement(PlainText.escape(assetUrl(response, assets.group(1)))));
        }
        assets.appendTail(out);
        return out.toString().replace(marker + "-action", PlainText.escape(actionUrl(response, formMode)));
    }

    abstract Supplier<PortletURL> renderUrl();

    @Override
    public String view(Map<String, String> parameters) {
        PortletURL url = inView(renderUrl().get());
        parameters.forEach((name, value) -> url.getRenderParameters().setValue(name, value));
        return url.toString();
    }

    @Override
    public String page() {
        return inView(renderUrl().get()).toString();
    }

    // Copy.ALL keeps the current render parameters (a filter, a tab) in the action URL, so a post
    // the widget refuses leaves the view as it was.
    private static String actionUrl(MimeResponse response, PortletMode formMode) {
        PortletURL url = response.createActionURL(MimeResponse.Copy.ALL);
        return withMode(url, formMode).toString();
    }

    static String assetUrl(MimeResponse response, String path) {
        ResourceURL url = response.createResourceURL();
        url.setResourceID(path);
        // A static file depends on nothing of the page's state: the most cacheable URL there is.
        url.setCacheability(ResourceURL.FULL);
        return url.toString();
    }

    private static PortletURL inView(PortletURL url) {
        return withMode(url, PortletMode.VIEW);
    }

    private static PortletURL withMode(PortletURL url, PortletMode mode) {
        try {
            url.setPortletMode(mode);
        } catch (PortletModeException e) {
            // The portlet declares both modes it uses; a portal refusing one is misconfigured.
            throw new IllegalStateException("The portal refuses portlet mode " + mode, e);
        }
        return url;
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
