package dev.participation.pledge.internal.authoring;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Function;

import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.StaffRequest;
import dev.participation.api.widget.WidgetView;
import dev.participation.kit.i18n.LanguageBundles;
import dev.participation.kit.i18n.Messages;
import dev.participation.kit.template.Templates;

/**
 * What both staff pages of this bundle share: their words (the authoring file, then the words the
 * public widget shares), their templates, and how a path that names nothing is answered.
 */
final class AuthoringSupport {

    static final String TEMPLATES = "/dev/participation/pledge/templates/authoring";

    private final LanguageBundles words = new LanguageBundles(AuthoringSupport.class,
            "dev/participation/pledge/authoring/Language", "dev/participation/pledge/shared/Language");
    private final Templates templates = Templates.of(AuthoringSupport.class, TEMPLATES);
    private final Clock clock;

    AuthoringSupport(Clock clock) {
        this.clock = clock;
    }

    ResourceBundle bundle(Locale locale) {
        return words.forLocale(locale);
    }

    Screen screen(StaffRequest request) {
        return new Screen(request, Messages.of(request.locale(), bundle(request.locale())), templates, clock);
    }

    WidgetView render(StaffRequest request, Function<Screen, Endpoint> router) {
        Screen s = screen(request);
        try {
            return router.apply(s).get().apply(s);
        } catch (NotFound e) {
            return s.view(s.text("authoring.notFound.title"), "not-found.ftlh", Map.of("back", s.href("")))
                    .withStatus(WidgetView.NOT_FOUND);
        }
    }

    PostOutcome post(StaffRequest request, Function<Screen, Endpoint> router) {
        Screen s = screen(request);
        try {
            return router.apply(s).post().apply(s);
        } catch (NotFound e) {
            // Usually a second click on a button whose work is already done: go back to the start.
            return s.done("", "authoring.notice.notFound");
        }
    }
}
