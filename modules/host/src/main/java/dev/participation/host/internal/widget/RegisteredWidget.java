package dev.participation.host.internal.widget;

import java.util.Locale;

import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetType;

import org.osgi.framework.Bundle;

/**
 * A widget service as the host knows it.
 *
 * @param widget  the service
 * @param type    the type's identity and settings declaration, read once when the service came
 *                (it is constant, so pages never ask the widget again)
 * @param bundle  the bundle that registered it, whose {@code /assets/} folder the host serves
 * @param ownPage whether the public site gives the type a page of its own
 * @param ranking service ranking, to choose between two services of one key
 */
public record RegisteredWidget(Widget widget, WidgetType type, Bundle bundle, boolean ownPage, int ranking) {

    public String key() {
        return type.key();
    }

    /** The type's display name in the given language. */
    public String name(Locale locale) {
        var bundle = widget.messages(locale);
        String nameKey = type.nameKey();
        return bundle.containsKey(nameKey) ? bundle.getString(nameKey) : nameKey;
    }
}
