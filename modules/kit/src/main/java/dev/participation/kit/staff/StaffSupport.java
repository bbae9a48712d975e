package dev.participation.kit.staff;

import java.time.Clock;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;

import dev.participation.api.account.Accounts;
import dev.participation.api.widget.Person;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

/**
 * What a bundle's staff pages share, built once per page: their words, their templates, and the
 * routing from a path to an {@link Endpoint}. A {@code StaffPage} renders through
 * {@link #render}, names a post's action through {@link #action}, and each of its
 * {@code StaffAction} components runs through {@link #post}.
 *
 * <p>A path that names nothing ({@link NotFound}) is answered with the kit's "page not found"
 * screen and a 404 status; a post to it goes back to the page's start with a notice, since it is
 * usually a second click on a button whose work is already done.
 */
public final class StaffSupport {

    private final LanguageBundles words;
    private final Templates templates;
    private final Clock clock;
    private final Function<Screen, Endpoint> router;
    private final Function<String, Optional<Person>> accounts;

    /**
     * @param anchor    a class of the bundle (its class loader finds the templates and words)
     * @param templates folder of the bundle's staff templates
     * @param bundles   base names of its {@code Language.properties}, most specific first
     * @param clock     the portal's clock, so "today" follows the service layer's time
     * @param router    the endpoint for a screen's path; throws {@link NotFound} when it names nothing
     * @param accounts  finds the person an account id names, so screens show who did what by the
     *                  name they have today (records keep the id: see {@link Screen#actor()})
     */
    public StaffSupport(Class<?> anchor, String templates, String[] bundles, Clock clock,
            Function<Screen, Endpoint> router, Function<String, Optional<Person>> accounts) {
        this.words = new LanguageBundles(anchor, bundles);
        this.templates = Templates.of(anchor, templates);
        this.clock = clock;
        this.router = router;
        this.accounts = accounts;
    }

    /**
     * How screens name people when the portal's accounts are optional: by the names the accounts
     * hold, or, in a portal without local accounts (Liferay), by their account ids alone.
     *
     * @param accounts the portal's accounts, or {@code null} where it has none
     */
    public static Function<String, Optional<Person>> namesFrom(Accounts accounts) {
        return accounts == null ? id -> Optional.empty() : accounts::find;
    }

    public ResourceBundle bundle(Locale locale) {
        return words.forLocale(locale);
    }

    public Screen screen(StaffRequest request) {
        return new Screen(request, Messages.of(request.locale(), bundle(request.locale())), templates, clock,
                accounts);
    }

    public WidgetView render(StaffRequest request) {
        Screen s = screen(request);
        try {
            return router.apply(s).get().apply(s);
        } catch (NotFound e) {
            return s.view(s.text("staff.notFound.title"), "kit/not-found.ftlh", new NotFoundScreen(s.href("")))
                    .withStatus(WidgetView.NOT_FOUND);
        }
    }

    /** The name of the action a post to the request's path asks for, if it has one. */
    public Optional<String> action(StaffRequest request) {
        try {
            return router.apply(screen(request)).action();
        } catch (NotFound e) {
            return Optional.empty();
        }
    }

    /**
     * A post no action claims: to a path that names nothing (any more), back to the start with a
     * notice; anywhere else, not accepted. Changes nothing.
     */
    public PostOutcome unclaimed(StaffRequest request) {
        Screen s = screen(request);
        try {
            router.apply(s);
            return PostOutcome.notAccepted();
        } catch (NotFound e) {
            return s.done("", "staff.notice.notFound");
        }
    }

    /**
     * Runs the post of the request's path, if the path's action is {@code action}: a component
     * registered for one action never does another's work, whatever path it is handed.
     */
    public PostOutcome post(StaffRequest request, String action) {
        Screen s = screen(request);
        try {
            Endpoint endpoint = router.apply(s);
            if (!endpoint.action().filter(action::equals).isPresent()) {
                return PostOutcome.notAccepted();
            }
            return endpoint.post().apply(s);
        } catch (NotFound e) {
            return s.done("", "staff.notice.notFound");
        }
    }
}
