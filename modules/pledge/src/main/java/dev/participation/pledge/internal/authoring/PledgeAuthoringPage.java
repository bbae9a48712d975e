package dev.participation.pledge.internal.authoring;

import java.time.Clock;
import java.util.Locale;
import java.util.ResourceBundle;

import dev.participation.api.pledge.Pledges;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.Roles;
import dev.participation.api.widget.StaffPage;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.pledge.internal.view.PledgeRenderer;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * Web editors write, preview, publish and restore pledges and charters at
 * {@code /intranet/pledges/}. The paths are listed on {@link AuthoringRouter}.
 */
@Component(service = StaffPage.class)
public final class PledgeAuthoringPage implements StaffPage {

    public static final String KEY = "pledges";

    private final AuthoringSupport support;
    private final AuthoringRouter router;

    // The portal's clock service, so dates such as "not in the future" follow the same time as the
    // service layer (and tests can fix it).
    @Activate
    public PledgeAuthoringPage(@Reference Pledges pledges, @Reference Clock clock) {
        this.support = new AuthoringSupport(clock);
        this.router = new AuthoringRouter(pledges, new PledgeRenderer());
    }

    @Override
    public String key() {
        return KEY;
    }

    @Override
    public String titleKey() {
        return "authoring.page.title";
    }

    @Override
    public String requiredRole() {
        return Roles.EDITOR;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        return support.bundle(locale);
    }

    @Override
    public WidgetView render(StaffRequest request) {
        return support.render(request, router::route);
    }

    @Override
    public PostOutcome post(StaffRequest request) {
        return support.post(request, router::route);
    }
}
