package dev.participation.host.internal.widget;

import java.util.Locale;

import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetType;

import org.osgi.framework.Bundle;

/**
 * A widget service as the host knows it.
 *
 * @param widget  the service
 * @param bundle  the bundle that registered it, whose {@code /assets/} folder the host serves
 * @param ownPage whether the public site gives the type a page of its own
 * @param ranking service ranking, to choose between two services of one key
 */
public record RegisteredWidget(Widget widget, Bundle bundle, boolean ownPage, int ranking) {

    public WidgetType type() {
        return widget.type();
    }

    public String key() {
        return widget.type().key();
    }

    /** The type's display name in the given language. */
    public String name(Locale locale) {
        var bundle = widget.messages(locale);
        String nameKey = type().nameKey();
        return bundle.containsKey(nameKey) ? bundle.getString(nameKey) : nameKey;
    }
}
