package dev.participation.portlet.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.ListResourceBundle;
import java.util.Locale;
import java.util.ResourceBundle;

import dev.participation.api.widget.Choice;
import dev.participation.api.widget.PostOutcome;
import dev.participation.api.widget.PreferenceDefinition;
import dev.participation.api.widget.Widget;
import dev.participation.api.widget.WidgetRequest;
import dev.participation.api.widget.WidgetType;
import dev.participation.api.widget.WidgetView;

/** A widget that remembers what the host asked of it and answers posts as told. */
class TestWidget implements Widget {

    final List<WidgetRequest> renders = new ArrayList<>();
    final List<WidgetRequest> posts = new ArrayList<>();
    PostOutcome outcome = PostOutcome.notAccepted();
    int viewStatus = WidgetView.OK;
    private final WidgetType type;

    TestWidget(String key) {
        type = new WidgetType(key, "pledge.name", "pledge.description", "Participation", List.of(
                PreferenceDefinition.text("title", "pledge.title", null, "Our promise", true, 40),
                PreferenceDefinition.integer("count", "pledge.count", null, 3, 1, 10),
                PreferenceDefinition.choice("layout", "pledge.layout", null, "full", true,
                        List.of(Choice.keyed("full", "pledge.layout.full"), Choice.keyed("cards", "pledge.layout.cards")))));
    }

    @Override
    public WidgetType type() {
        return type;
    }

    @Override
    public ResourceBundle messages(Locale locale) {
        boolean welsh = locale.getLanguage().equals("cy");
        return new ListResourceBundle() {
            @Override
            protected Object[][] getContents() {
                return new Object[][] {
                    {"pledge.name", welsh ? "Ein haddewid" : "Pledge display"},
                    {"pledge.description", "Shows a pledge"},
                    {"pledge.title", "Title"},
                    {"pledge.count", "How many principles"},
                    {"pledge.layout", "Layout"},
                    {"pledge.layout.full", "In full"},
                    {"pledge.layout.cards", "As cards"},
                    {"pledge.thanks", "Thank you for your pledge"},
                };
            }
        };
    }

    @Override
    public WidgetView render(WidgetRequest request) {
        renders.add(request);
        return WidgetView.of("<section class=\"pledge\">" + request.preferences().get("title") + "</section>")
                .withStatus(viewStatus);
    }

    @Override
    public PostOutcome post(WidgetRequest request) {
        posts.add(request);
        return outcome;
    }
}
