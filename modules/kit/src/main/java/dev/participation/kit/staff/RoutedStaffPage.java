package dev.participation.kit.staff;

import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;

/**
 * A staff page drawn by a {@link StaffSupport}: a component extends it with its key, title, role
 * and support, and its posts are done by {@link RoutedAction}s.
 */
public abstract class RoutedStaffPage implements StaffPage {

    private final String key;
    private final String titleKey;
    private final String role;
    private final StaffSupport support;

    /**
     * @param key      URL segment, lower case with dashes
     * @param titleKey message key of the page's title
     * @param role     one of {@code Roles}: what a person needs to see the page
     */
    protected RoutedStaffPage(String key, String titleKey, String role, StaffSupport support) {
        this.key = key;
        this.titleKey = titleKey;
        this.role = role;
        this.support = support;
    }

    /** What the page's actions run through. */
    public final StaffSupport support() {
        return support;
    }

    @Override
    public final String key() {
        return key;
    }

    @Override
    public final String titleKey() {
        return titleKey;
    }

    @Override
    public final String requiredRole() {
        return role;
    }

    @Override
    public final ResourceBundle messages(Locale locale) {
        return support.bundle(locale);
    }

    @Override
    public final WidgetView render(StaffRequest request) {
        return support.render(request);
    }

    @Override
    public final Optional<String> action(StaffRequest request) {
        return support.action(request);
    }

    @Override
    public final PostOutcome unclaimed(StaffRequest request) {
        return support.unclaimed(request);
    }
}
