package dev.participation.api.widget;

import java.util.Map;

import org.osgi.annotation.versioning.ProviderType;

/** URLs a widget may put in its markup; the host decides their shape. */
@ProviderType
public interface Links {

    /** A link that renders this view again with the given parameters (filters, paging, tabs). */
    String view(Map<String, String> parameters);

    /** Where this view's forms post to. Parameters travel in the form fields. */
    String action();

    /** The page the view sits on, without parameters: where "back" and "cancel" go. */
    String page();

    /** The URL of a static file the widget's bundle ships under {@code /assets/}. */
    String asset(String path);
}
